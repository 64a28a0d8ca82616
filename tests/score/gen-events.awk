# gen-events.awk - a deterministic month of irm events (irm-event(5)) for
# irm-score's tests: USERS users over DAYS days from 2026-03-01, a few
# activities a day each, one departing user who copies labelled files to
# USB and uploads them after resigning, one who sends mail to gmail.com.
# Usage: awk -v USERS=20 -v DAYS=30 -v SEED=1 -f gen-events.awk
function pad(n) { return n < 10 ? "0" n : n }
function ts(d, h, m, s) {
	return sprintf("2026-%s-%sT%s:%s:%s.000Z", pad(d < 31 ? 3 : 4),
	    pad(d < 31 ? d + 1 : d - 30), pad(h), pad(m), pad(s))
}
function ev(t, id, user, activity, action, extra) {
	printf "{\"@timestamp\":\"%s\",\"event\":{\"id\":\"%s\",\"action\":\"%s\"},\"user\":{\"name\":\"%s\"},\"irm\":{\"activity\":\"%s\"%s}\n", \
	    t, id, action, user, activity, extra
}
BEGIN {
	if (USERS == "") USERS = 20
	if (DAYS == "") DAYS = 30
	srand(SEED == "" ? 1 : SEED)
	n = 0
	for (d = 0; d < DAYS; d++) {
		for (h = 7; h < 20; h++) {
			for (u = 0; u < USERS; u++) {
				if (rand() > 0.35) continue
				user = "user" u "@contoso.com"
				m = int(rand() * 60); s = int(rand() * 60)
				r = rand()
				n++
				if (r < 0.5)
					ev(ts(d, h, m, s), "g-" n, user, "file_accessed", "FileAccessed", "},\"file\":{\"name\":\"doc" int(rand() * 50) ".docx\"}")
				else if (r < 0.8)
					ev(ts(d, h, m, s), "g-" n, user, "file_downloaded", "FileDownloaded", "},\"file\":{\"name\":\"doc" int(rand() * 50) ".docx\"},\"url\":{\"full\":\"https://contoso.sharepoint.com/sites/s/doc.docx\",\"domain\":\"contoso.sharepoint.com\"}")
				else if (r < 0.95)
					ev(ts(d, h, m, s), "g-" n, user, "logon", "UserLoggedIn", "}")
				else
					ev(ts(d, h, m, s), "g-" n, user, "email_sent", "Send", "},\"email\":{\"to\":{\"address\":[\"x@fabrikam.com\"]}}")
			}
			if (d == 10 && h == 9)
				ev(ts(d, h, 0, 0), "hr-1", "user1@contoso.com", "hr_resignation", "Resignation", ",\"hr\":{\"resignation_date\":\"" ts(d, 0, 0, 0) "\",\"last_working_date\":\"" ts(d + 14, 0, 0, 0) "\"}}")
			if (d >= 12 && d <= 16 && h >= 14 && h < 17)
				for (k = 0; k < 6; k++) {
					n++
					ev(ts(d, h, k * 7, 1), "x-" n, "user1@contoso.com", "usb_copied", "FileCopiedToRemovableMedia", ",\"label\":\"d9f23ae3-a239-45ea-bf23-f515f824c57b\"},\"file\":{\"name\":\"secret" k ".xlsx\",\"extension\":\"xlsx\"}")
				}
			if (d % 3 == 0 && h == 11)
				for (k = 0; k < 4; k++) {
					n++
					ev(ts(d, h, k, 2), "m-" n, "user2@contoso.com", "email_sent", "Send", ",\"attachments\":1},\"email\":{\"to\":{\"address\":[\"me.home@gmail.com\"]}}")
				}
		}
	}
}
