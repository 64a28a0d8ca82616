/*
 * gen-o365 - write synthetic O365 Management Activity API records
 *
 *	gen-o365 [megabytes [seed]]
 *
 * Writes one compact JSON record per line to stdout until at least the
 * given number of MiB (default 1024) is written, then prints "records N
 * bytes M" on stderr.  The output depends only on the seed, and a run
 * stops after the first record that reaches the size, so a smaller run is
 * a prefix of a larger one with the same seed: the benchmark relies on it.
 *
 * The mix follows a tenant's audit feed: SharePoint and OneDrive file
 * operations, Entra ID sign-ins, Exchange Send, DLP rule matches on mail
 * and Endpoint DLP copies to USB and uploads to the cloud, for 5,000 users
 * at contoso.com.  Field names are those of o365-api.md sections 2 and 9;
 * addresses are RFC 5737 and RFC 3849 documentation ranges.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NUSERS 5000
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define TENANT "5c2f1b7e-0a4d-4e8b-9f3c-6d1a2b3c4d5e"
#define START 1772323200 /* 2026-03-01T00:00:00Z */

#include "names.h"

static const char *const sites[] = {"finance", "hr", "legal", "mergers",
    "engineering", "sales", "marketing", "it", "exec", "procurement",
    "project-x", "research", "support", "operations", "design", "security",
    "partners", "training", "board", "strategy"};

static const char *const dirs[] = {"Shared Documents",
    "Shared Documents/Reports", "Shared Documents/Reports/2026",
    "Shared Documents/Contracts", "Shared Documents/Customers",
    "Shared Documents/General", "Shared Documents/Archive/2025"};

static const char *const odirs[] = {"Documents", "Documents/Projects",
    "Documents/Desktop", "Documents/Personal"};

/* Stems include non-ASCII names, as real tenants have. */
static const char *const stems[] = {"Q3 forecast", "Budget 2026",
    "Customer list", "Board deck", "Roadmap", "Salary review", "Contract draft",
    "Pricing model", "Source code export", "Design spec", "Org chart",
    "Pipeline", "Invoice 4711", "Meeting notes", "Offer letter",
    "Due diligence", "Patent draft", "Übersicht Vertrieb", "Résumé", "会议纪要",
    "Projektplan", "Onboarding checklist", "Sales leads", "Payroll March",
    "Architecture overview", "Incident report", "Vendor list", "Marketing plan",
    "Benchmark results", "Press release"};

static const char *const exts[] = {"docx", "xlsx", "pptx", "pdf", "csv", "txt",
    "png", "zip", "dwg", "pst", "xlsx", "docx", "pdf"};

static const char *const labels[] = {"d9f23ae3-a239-45ea-bf23-f515f824c57b",
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "f42aa342-8706-4288-bd11-ebb85995028c",
    "27451a5b-5823-4853-bcd4-2204d03ab477",
    "b7a8c9d0-e1f2-4a3b-9c4d-5e6f7a8b9c0d"};

static const char *const agents[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
    "like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.66",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.3 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 "
    "Firefox/123.0",
    "Microsoft SkyDriveSync 24.030.0211.0002 ship; Windows NT 10.0 "
    "(19045)",
    "Microsoft Office Excel 2014", "OneDriveMpc-Transform_Thumbnail/1.0",
    "MSWAC"};

static const char *const subjects[] = {"Q3 numbers", "Re: contract review",
    "FW: customer list", "Board meeting prep", "Draft offer",
    "Pricing for Fabrikam", "Weekly status", "Re: Re: invoice 4711",
    "Confidential: merger timeline", "Lunch?", "Updated roadmap",
    "Résumé attached"};

static const char *const outside[] = {"gmail.com", "outlook.com",
    "fabrikam.com", "proton.me", "yahoo.com", "northwindtraders.com"};

static const char *const clouds[] = {"drive.google.com", "www.dropbox.com",
    "wetransfer.com", "mega.nz", "box.com", "github.com"};

static const char *const sits[] = {"Credit Card Number",
    "U.S. Social Security Number (SSN)", "EU Debit Card Number",
    "International Banking Account Number (IBAN)", "U.S. Bank Account Number"};

static const char *const usbs[] = {
    "SanDisk", "Kingston", "Samsung", "Seagate", "Western Digital"};

/* ------------------------------------------------------------ random */

static uint64_t seed;

/* splitmix64: fast, and the same on every platform. */
static uint64_t
next(void)
{
	uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned
rnd(unsigned n)
{
	return (unsigned)(next() % n);
}

#define PICK(a) ((a)[rnd(NELEM(a))])

/* ------------------------------------------------------------ output */

/* One record is built here and written whole. */
static char rec[16384];
static size_t rlen;
static int first[16];
static int depth;

static void
put(const char *s, size_t n)
{
	memcpy(rec + rlen, s, n);
	rlen += n;
}

static void
lit(const char *s)
{
	put(s, strlen(s));
}

/* A JSON string: quotes, backslashes and the newline are escaped. */
static void
qstr(const char *s)
{
	rec[rlen++] = '"';
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') {
			rec[rlen++] = '\\';
			rec[rlen++] = *s;
		} else if (*s == '\n') {
			rec[rlen++] = '\\';
			rec[rlen++] = 'n';
		} else {
			rec[rlen++] = *s;
		}
	}
	rec[rlen++] = '"';
}

static void
sep(void)
{
	if (!first[depth])
		rec[rlen++] = ',';
	first[depth] = 0;
}

static void
key(const char *k)
{
	sep();
	rec[rlen++] = '"';
	lit(k);
	rec[rlen++] = '"';
	rec[rlen++] = ':';
}

static void
open_(const char *k, char c)
{
	if (k)
		key(k);
	else
		sep();
	rec[rlen++] = c;
	first[++depth] = 1;
}

static void
close_(char c)
{
	rec[rlen++] = c;
	depth--;
}

static void
str(const char *k, const char *v)
{
	key(k);
	qstr(v);
}

/* An array element or other bare value. */
static void
elem(const char *v)
{
	sep();
	qstr(v);
}

static void
num(const char *k, long long v)
{
	char b[24];

	key(k);
	put(b, (size_t)snprintf(b, sizeof(b), "%lld", v));
}

static void
boolean(const char *k, int v)
{
	key(k);
	lit(v ? "true" : "false");
}

static void
guid_buf(char *b)
{
	uint64_t h = next(), l = next();

	snprintf(b, 37, "%08x-%04x-%04x-%04x-%012llx", (unsigned)(h >> 32),
	    (unsigned)(h >> 16) & 0xffff, (unsigned)(h & 0x0fff) | 0x4000,
	    (unsigned)(l >> 48 & 0x3fff) | 0x8000,
	    (unsigned long long)(l & 0xffffffffffffULL));
}

static void
guid(const char *k)
{
	char b[37];

	guid_buf(b);
	str(k, b);
}

static void
hex(const char *k, int n)
{
	static const char digits[] = "0123456789abcdef";
	char b[65];
	int i;

	for (i = 0; i < n; i++)
		b[i] = digits[rnd(16)];
	b[n] = '\0';
	str(k, b);
}

/* ------------------------------------------------------------- users */

struct user {
	char upn[64]; /* as the tenant spells it */
	char od[128]; /* OneDrive personal site */
	char ip[20];
	char puid[17];
	char device[16];
	char sid[48];
	int agent;
};

static struct user users[NUSERS];

static void
make_users(void)
{
	struct user *u;
	const char *f, *l;
	int i;

	for (i = 0; i < NUSERS; i++) {
		u = &users[i];
		f = firsts[i % 50];
		l = lasts[i / 50];
		/* A quarter of the accounts were created capitalized. */
		if (i % 4 == 0)
			snprintf(u->upn, sizeof(u->upn),
			    "%c%s.%c%s@contoso.com", f[0] - 32, f + 1,
			    l[0] - 32, l + 1);
		else
			snprintf(
			    u->upn, sizeof(u->upn), "%s.%s@contoso.com", f, l);
		snprintf(u->od, sizeof(u->od),
		    "https://contoso-my.sharepoint.com/personal/"
		    "%s_%s_contoso_com/",
		    f, l);
		snprintf(u->ip, sizeof(u->ip), "%s.%d",
		    i % 3 == 0       ? "192.0.2"
		        : i % 3 == 1 ? "198.51.100"
		                     : "203.0.113",
		    1 + i % 254);
		snprintf(u->puid, sizeof(u->puid), "1003%012llX",
		    (unsigned long long)(next() & 0xffffffffffffULL));
		snprintf(u->device, sizeof(u->device), "LAPTOP-%05d", i);
		snprintf(u->sid, sizeof(u->sid),
		    "S-1-5-21-3422892061-1135328251-2670905592-%d", 26000 + i);
		u->agent = i % 3;
	}
}

/* Most activity comes from a minority of users. */
static struct user *
some_user(void)
{
	unsigned a = rnd(NUSERS), b = rnd(NUSERS);

	return &users[rnd(4) ? (a < b ? a : b) : a];
}

static void
lower_upn(const struct user *u, char *b, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n && i < sizeof(u->upn) && u->upn[i]; i++)
		b[i] = u->upn[i] >= 'A' && u->upn[i] <= 'Z'
		    ? (char)(u->upn[i] + 32)
		    : u->upn[i];
	b[i] = '\0';
}

/* ------------------------------------------------------------ records */

static time_t now = START;

/* The fields every record has, Operation first as the feed often has. */
static void
common(const char *op, int type, const char *workload, const char *userid,
    const char *ukey)
{
	char ct[24];
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(ct, sizeof(ct), "%Y-%m-%dT%H:%M:%S", &tm);
	str("CreationTime", ct);
	guid("Id");
	str("Operation", op);
	str("OrganizationId", TENANT);
	num("RecordType", type);
	str("UserKey", ukey);
	num("UserType", 0);
	num("Version", 1);
	str("Workload", workload);
	str("UserId", userid);
}

static void
file_name(char *b, size_t n)
{
	unsigned v = rnd(4);

	if (v)
		snprintf(b, n, "%s v%u.%s", PICK(stems), v, PICK(exts));
	else
		snprintf(b, n, "%s.%s", PICK(stems), PICK(exts));
}

static const char *
ext_of(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot ? dot + 1 : "";
}

static void
sharepoint(const struct user *u)
{
	static const char *const ops[] = {"FileAccessed", "FileAccessed",
	    "FileAccessed", "FileAccessed", "FileAccessed", "FileDownloaded",
	    "FileDownloaded", "FileDownloaded", "FileModified", "FileModified",
	    "FileModified", "FileSyncDownloadedFull", "FileSyncDownloadedFull"};
	const char *op = PICK(ops), *dir;
	char site[128], name[96], obj[400], key_[64];
	int od = rnd(3) == 0;

	if (od) {
		snprintf(site, sizeof(site), "%s", u->od);
		dir = PICK(odirs);
	} else {
		snprintf(site, sizeof(site),
		    "https://contoso.sharepoint.com/sites/%s/", PICK(sites));
		dir = PICK(dirs);
	}
	file_name(name, sizeof(name));
	snprintf(obj, sizeof(obj), "%s%s/%s", site, dir, name);
	snprintf(key_, sizeof(key_), "i:0h.f|membership|%s@live.com", u->puid);
	common(op, 6, od ? "OneDrive" : "SharePoint", u->upn, key_);
	str("ClientIP", u->ip);
	str("ObjectId", obj);
	guid("CorrelationId");
	str("EventSource", "SharePoint");
	str("ItemType", "File");
	guid("ListId");
	guid("ListItemUniqueId");
	guid("Site");
	str("UserAgent",
	    strncmp(op, "FileSync", 8) == 0 ? agents[3] : agents[u->agent]);
	guid("WebId");
	str("SourceFileExtension", ext_of(name));
	str("SiteUrl", site);
	str("SourceFileName", name);
	str("SourceRelativeUrl", dir);
	if (rnd(4) == 0)
		str("SensitivityLabelId", PICK(labels));
	/* Fields seen in newer records only (o365-api.md 2.2). */
	if (rnd(2))
		return;
	str("ApplicationDisplayName",
	    strncmp(op, "FileSync", 8) == 0 ? "OneDrive SyncEngine"
	                                    : "SharePoint Online Web Client");
	boolean("IsManagedDevice", rnd(3) != 0);
	str("Platform", "WinDesktop");
	str("AuthenticationType", "OAuth");
	num("FileSizeBytes", 1000 + rnd(5000000));
	str("DeviceDisplayName", u->device);
	str("ListBaseType", "1");
	str("ListServerTemplate", "101");
}

static void
pairv(const char *name, const char *value)
{
	open_(NULL, '{');
	str("Name", name);
	str("Value", value);
	close_('}');
}

static void
aad(const struct user *u)
{
	int failed = rnd(5) == 0;
	char key_[64], ipv6[48];
	const char *ip = u->ip;

	if (rnd(8) == 0) {
		snprintf(ipv6, sizeof(ipv6), "2001:db8:%x:%x::%x", rnd(65536),
		    rnd(65536), rnd(65536));
		ip = ipv6;
	}
	snprintf(key_, sizeof(key_), "%s@contoso.com", u->puid);
	common(failed ? "UserLoginFailed" : "UserLoggedIn", 15,
	    "AzureActiveDirectory", u->upn, key_);
	str("ResultStatus", "Success");
	str("ClientIP", ip);
	str("ObjectId", "00000003-0000-0000-c000-000000000000");
	num("AzureActiveDirectoryEventType", 1);
	open_("ExtendedProperties", '[');
	pairv("ResultStatusDetail", failed ? "Redirect" : "Success");
	pairv("UserAgent", agents[u->agent]);
	pairv("UserAuthenticationMethod", "1");
	pairv("RequestType", failed ? "Login:login" : "OAuth2:Authorize");
	pairv("KeepMeSignedIn", "False");
	close_(']');
	open_("ModifiedProperties", '[');
	close_(']');
	open_("Actor", '[');
	open_(NULL, '{');
	guid("ID");
	num("Type", 0);
	close_('}');
	open_(NULL, '{');
	str("ID", u->upn);
	num("Type", 5);
	close_('}');
	close_(']');
	str("ActorContextId", TENANT);
	str("ActorIpAddress", ip);
	guid("InterSystemsId");
	guid("IntraSystemId");
	str("SupportTicketId", "");
	open_("Target", '[');
	open_(NULL, '{');
	str("ID", "00000003-0000-0000-c000-000000000000");
	num("Type", 0);
	close_('}');
	close_(']');
	str("TargetContextId", TENANT);
	str("ApplicationId", "4765445b-32c6-49b0-83e6-1d93765276ca");
	if (rnd(2)) {
		open_("DeviceProperties", '[');
		pairv("OS", u->agent == 1 ? "MacOs" : "Windows10");
		pairv("BrowserType", u->agent == 1 ? "Safari" : "Edge");
		pairv("IsCompliantAndManaged", "False");
		close_(']');
	}
	str("ErrorNumber", failed ? "50126" : "0");
	if (failed)
		str("LogonError", "InvalidUserNameOrPassword");
}

static void
attachments(char *b, size_t n)
{
	size_t len = 0;
	unsigned i, k = rnd(4);
	char name[96];

	b[0] = '\0';
	for (i = 0; i < k && len + 120 < n; i++) {
		file_name(name, sizeof(name));
		len += (size_t)snprintf(b + len, n - len, "%s%s (%ub)",
		    i ? "; " : "", name, 1000 + rnd(4000000));
	}
}

static void
exchange_send(const struct user *u)
{
	char ip[32], att[512], mid[96];

	snprintf(ip, sizeof(ip), "%s:%u", u->ip, 1024 + rnd(60000));
	common("Send", 2, "Exchange", u->upn, u->sid);
	str("ResultStatus", "Succeeded");
	str("ClientIP", ip);
	str("ClientIPAddress", ip);
	str("ClientInfoString", "Client=OWA;Action=ViaProxy");
	boolean("ExternalAccess", 0);
	num("InternalLogonType", 0);
	num("LogonType", 0);
	str("LogonUserSid", u->sid);
	guid("MailboxGuid");
	str("MailboxOwnerSid", u->sid);
	str("MailboxOwnerUPN", u->upn);
	str("OrganizationName", "contoso.onmicrosoft.com");
	str("OriginatingServer", "AM6PR01MB4535 (15.20.7362.019)\n");
	guid("SessionId");
	open_("Item", '{');
	hex("Id", 64);
	snprintf(mid, sizeof(mid),
	    "<AM6PR01MB%05u%08X@AM6PR01MB4535.eurprd01.prod.outlook.com>",
	    rnd(100000), (unsigned)next());
	str("InternetMessageId", mid);
	boolean("IsRecord", 0);
	open_("ParentFolder", '{');
	hex("Id", 44);
	str("Path", "\\Sent Items");
	close_('}');
	num("SizeInBytes", 2000 + rnd(8000000));
	str("Subject", PICK(subjects));
	attachments(att, sizeof(att));
	if (att[0])
		str("Attachments", att);
	close_('}');
	boolean("SaveToSentItems", 1);
}

static void
address(char *b, size_t n)
{
	const struct user *r = some_user();

	if (rnd(3) == 0)
		snprintf(b, n, "%s.%s@%s", firsts[rnd(50)], lasts[rnd(100)],
		    PICK(outside));
	else
		lower_upn(r, b, n);
}

static void
dlp_mail(const struct user *u)
{
	char mid[96], a[96], sent[24];
	unsigned i, k;
	struct tm tm;

	snprintf(mid, sizeof(mid),
	    "<AM0PR05MB%05u%08X@AM0PR05MB4803.eurprd05.prod.outlook.com>",
	    rnd(100000), (unsigned)next());
	common("DlpRuleMatch", 13, "Exchange", "DlpAgent", "DlpAgent");
	str("ObjectId", mid);
	boolean("SensitiveInfoDetectionIsIncluded", 0);
	guid("IncidentId");
	open_("PolicyDetails", '[');
	open_(NULL, '{');
	str("PolicyId", "88956b36-45b3-4828-bf53-78603c0e5f58");
	str("PolicyName", "Financial data");
	open_("Rules", '[');
	open_(NULL, '{');
	open_("Actions", '[');
	elem("NotifyUser");
	elem("GenerateIncidentReport");
	close_(']');
	open_("ConditionsMatched", '{');
	open_("SensitiveInformation", '[');
	open_(NULL, '{');
	num("Confidence", 85);
	num("Count", 1 + rnd(20));
	str("Location", "Message Body");
	guid("SensitiveType");
	str("SensitiveInformationTypeName", PICK(sits));
	num("UniqueCount", 1);
	close_('}');
	close_(']');
	close_('}');
	guid("RuleId");
	str("RuleMode", "Enable");
	str("RuleName",
	    rnd(2) ? "High volume of card numbers"
	           : "Low volume of card numbers");
	str("Severity", rnd(2) ? "High" : "Medium");
	close_('}');
	close_(']');
	close_('}');
	close_(']');
	open_("ExchangeMetaData", '{');
	lower_upn(u, a, sizeof(a));
	str("From", a);
	open_("To", '[');
	for (i = 0, k = 1 + rnd(3); i < k; i++) {
		address(a, sizeof(a));
		elem(a);
	}
	close_(']');
	open_("CC", '[');
	for (i = 0, k = rnd(3); i < k; i++) {
		address(a, sizeof(a));
		elem(a);
	}
	close_(']');
	open_("BCC", '[');
	close_(']');
	str("Subject", PICK(subjects));
	gmtime_r(&now, &tm);
	strftime(sent, sizeof(sent), "%Y-%m-%dT%H:%M:%S", &tm);
	str("Sent", sent);
	num("RecipientCount", 1 + rnd(5));
	num("FileSize", 2000 + rnd(800000));
	guid("UniqueID");
	str("MessageID", mid);
	close_('}');
}

static void
endpoint(const struct user *u)
{
	int usb = rnd(2);
	char name[96], path[256], target[320], user[64], *at;

	file_name(name, sizeof(name));
	lower_upn(u, user, sizeof(user));
	if ((at = strchr(user, '@')) != NULL)
		*at = '\0';
	snprintf(
	    path, sizeof(path), "C:\\Users\\%s\\Documents\\%s", user, name);
	common(usb ? "FileCopiedToRemovableMedia" : "FileUploadedToCloud", 63,
	    "Endpoint", u->upn, u->puid);
	str("ClientIP", u->ip);
	str("DeviceName", u->device);
	guid("MDATPDeviceId");
	num("Platform", 1);
	str("Application", usb ? "Windows Explorer" : "Microsoft Edge");
	str("ObjectId", path);
	str("FileExtension", ext_of(name));
	num("FileSize", 1000 + rnd(20000000));
	str("FileType", ext_of(name));
	hex("Sha1", 40);
	hex("Sha256", 64);
	boolean("RMSEncrypted", 0);
	num("EnforcementMode", 1 + rnd(4));
	num("SourceLocationType", 1);
	if (usb) {
		snprintf(target, sizeof(target), "E:\\%s", name);
		str("TargetFilePath", target);
		num("DestinationLocationType", 2);
		open_("RemovableMediaDeviceAttributes", '{');
		str("Manufacturer", PICK(usbs));
		str("Model", "USB Flash Drive");
		hex("SerialNumber", 16);
		str("Capacity", "62 GB");
		str("BusType", "USB");
		close_('}');
	} else {
		const char *d = PICK(clouds);

		snprintf(target, sizeof(target), "https://%s/upload/%u", d,
		    rnd(1000000));
		str("TargetDomain", d);
		str("TargetUrl", target);
		num("DestinationLocationType", 3);
	}
	if (rnd(3) == 0) {
		open_("SensitivityLabelEventData", '{');
		str("SensitivityLabelId", PICK(labels));
		close_('}');
	}
}

/* One record of the mix, ended by a newline. */
static void
record(void)
{
	const struct user *u = some_user();
	unsigned k = rnd(100);

	rlen = 0;
	depth = 0;
	first[0] = 1;
	open_(NULL, '{');
	if (k < 50)
		sharepoint(u);
	else if (k < 70)
		aad(u);
	else if (k < 82)
		exchange_send(u);
	else if (k < 90)
		dlp_mail(u);
	else
		endpoint(u);
	close_('}');
	rec[rlen++] = '\n';
	/* About two seconds between records: a busy 5,000-user tenant. */
	now += rnd(5);
}

int
main(int argc, char *argv[])
{
	static char obuf[1 << 20];
	unsigned long long want = 1024, total = 0, n = 0;
	char *end;

	if (argc > 1) {
		want = strtoull(argv[1], &end, 10);
		if (*end != '\0' || want == 0) {
			fprintf(stderr, "usage: gen-o365 [megabytes [seed]]\n");
			return 2;
		}
	}
	seed = argc > 2 ? strtoull(argv[2], NULL, 10) : 20260301;
	want *= 1024 * 1024;
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	make_users();
	while (total < want) {
		record();
		if (fwrite(rec, 1, rlen, stdout) != rlen)
			break;
		total += rlen;
		n++;
	}
	if (fflush(stdout) == EOF || ferror(stdout)) {
		perror("gen-o365: stdout");
		return 1;
	}
	fprintf(stderr, "records %llu bytes %llu\n", n, total);
	return 0;
}
