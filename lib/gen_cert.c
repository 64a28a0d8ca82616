/*
 * gen_cert.c - irm-gen's activity in the column sets of the CMU CERT
 * Insider Threat Test Dataset r4.2 (o365-api.md section 6): logon.csv
 * (logons), device.csv (USB media connected), file.csv (each row a copy
 * to removable media), email.csv (sent mail, with recipients) and
 * http.csv (web visits, uploads and downloads as visits).  The acts are
 * those of the O365 tenant; what r4.2 has no file for (SharePoint,
 * sharing, DLP, labels, alerts, badges, prints) is left out.  Dates are
 * M/D/YYYY H:MM:SS in UTC, users their UPNs, so that the directory,
 * settings and answer key serve both formats.
 */
#include <string.h>

#include "irm.h"
#include "gen_int.h"

const char *const irm_gen_cert_files[GEN_NCERT] = {
    "logon.csv", "device.csv", "file.csv", "email.csv", "http.csv"};

const char *const irm_gen_cert_headers[GEN_NCERT] = {
    "id,date,user,pc,activity\n",
    "id,date,user,pc,activity\n",
    "id,date,user,pc,filename,content\n",
    "id,date,user,pc,to,cc,bcc,from,size,attachments,content\n",
    "id,date,user,pc,url,content\n",
};

int
irm_gen_cert_kind(const struct gen_act *a)
{
	switch (a->kind) {
	case GEN_K_LOGON:
		return GEN_CERT_LOGON;
	case GEN_K_SEND:
	case GEN_K_SENDAS:
		return GEN_CERT_EMAIL;
	case GEN_K_WEB:
		return GEN_CERT_HTTP;
	case GEN_K_HR:
		return GEN_NCERT;
	case GEN_K_EP:
		if (a->arg == GEN_EP_MOUNT)
			return GEN_CERT_DEVICE;
		if (a->arg == GEN_EP_USB)
			return GEN_CERT_FILE;
		if (a->arg >= GEN_EP_CLOUD_INTERNAL && a->arg <= GEN_EP_BROWSER)
			return GEN_CERT_HTTP;
		return -1;
	default:
		return -1;
	}
}

/* {XXXX-XXXXXXXX-XXXXXXXX}, the dataset's ids, from 64 random bits. */
static void
cert_id(struct gen_out *w, uint64_t r)
{
	static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	char b[24];
	int i, j = 0;

	b[j++] = '{';
	for (i = 0; i < 20; i++) {
		if (i == 4 || i == 12)
			b[j++] = '-';
		b[j++] = digits[r % 36];
		r = i % 10 == 9 ? irm_gen_mix(r) : r / 36;
	}
	b[j++] = '}';
	irm_gen_raw(w, b, (size_t)j);
}

/* id,date,user,pc, of a row. */
static void
row_start(struct gen_out *w, const struct gen_world *g, const struct gen_act *a,
    uint64_t id, uint32_t pc)
{
	int64_t t = a->t, days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int64_t y, s = t - days * 86400;
	unsigned m, d;
	char b[48];
	int n;

	irm_civil_from_days(days, &y, &m, &d);
	cert_id(w, id);
	n = snprintf(b, sizeof(b), ",%02u/%02u/%04d %02u:%02u:%02u,", m, d,
	    (int)y, (unsigned)(s / 3600), (unsigned)(s / 60 % 60),
	    (unsigned)(s % 60));
	irm_gen_raw(w, b, (size_t)n);
	irm_gen_lit(w, "DTAA/");
	irm_gen_lit(w, g->u[a->user].certid);
	n = snprintf(b, sizeof(b), ",PC-%04u,", (unsigned)pc);
	irm_gen_raw(w, b, (size_t)n);
}

/* An address: a colleague, a customer, the partner, the user's own
 * personal one or the competitor (GEN_TO_*, -1 a colleague). */
static void
address(struct gen_out *w, const struct gen_world *g, const struct gen_act *a,
    int to, uint64_t r)
{
	const struct gen_user *o = &g->u[r % g->nusers];
	char b[96];
	size_t i, j;

	switch (to) {
	case GEN_TO_CUSTOMER:
		snprintf(b, sizeof(b), "%s@%s", o->local,
		    irm_gen_customer(a->user + r % 3));
		break;
	case GEN_TO_PARTNER:
		snprintf(b, sizeof(b), "%s@fabrikam.com", o->local);
		break;
	case GEN_TO_PERSONAL:
		for (i = j = 0; g->u[a->user].local[i] && j < 40; i++)
			if (g->u[a->user].local[i] != '.')
				b[j++] = g->u[a->user].local[i];
		snprintf(b + j, sizeof(b) - j, "%02u@gmail.com",
		    (unsigned)(irm_gen_mix(a->user) % 90 + 10));
		break;
	case GEN_TO_COMPETITOR:
		snprintf(b, sizeof(b), "procurement@relecloud.com");
		break;
	default:
		snprintf(b, sizeof(b), "%s", o->upn);
	}
	irm_gen_lit(w, b);
}

static void
email(struct gen_out *w, const struct gen_world *g, const struct gen_act *a)
{
	int as = a->kind == GEN_K_SENDAS;
	uint32_t i, n = as ? a->arg : 1;
	char b[64];

	for (i = 0; i < n; i++) {
		if (i)
			irm_gen_chr(w, ';');
		if (as) /* the whole company, from a random point on */
			irm_gen_lit(w, g->u[(a->r + i) % g->nusers].upn);
		else
			address(w, g, a, GEN_TO_OF(a->flags), a->r >> 8);
		if ((i & 31) == 31)
			irm_gen_room(w);
	}
	irm_gen_raw(w, ",,,", 3);
	irm_gen_lit(w, g->u[as ? a->file : a->user].upn);
	snprintf(b, sizeof(b), ",%u,%u,", 2000 + (unsigned)(a->r % 8000000),
	    as ? 0u : (unsigned)a->arg);
	irm_gen_lit(w, b);
	irm_gen_lit(w,
	    as ? "announcement staff management truth"
	       : "meeting update report review");
}

static void
http(struct gen_out *w, const struct gen_act *a)
{
	static const char *const clouds[] = {
	    "contoso.sharepoint.com", "app.box.com", "www.dropbox.com"};
	const char *site, *what;
	char b[160];

	if (a->kind == GEN_K_WEB) {
		site = irm_gen_web_site(a->arg, a->r >> 17);
		what = (a->flags & GEN_F_UPLOAD)  ? "upload"
		    : (a->flags & GEN_F_DOWNLOAD) ? "download"
		    : a->arg == GEN_WEB_JOB       ? "jobs"
		                                  : "page";
	} else if (a->arg == GEN_EP_BROWSER) {
		site = irm_gen_web_site(GEN_WEB_NEWS, a->r >> 17);
		what = "download";
	} else {
		site = clouds[a->arg - GEN_EP_CLOUD_INTERNAL];
		what = "upload";
	}
	snprintf(b, sizeof(b), "http://%s/%s/%u,", site, what,
	    (unsigned)(a->r % 100000));
	irm_gen_lit(w, b);
	irm_gen_lit(w,
	    a->arg == GEN_WEB_JOB && a->kind == GEN_K_WEB
	        ? "job resume salary interview"
	        : "news page site");
}

void
irm_gen_format_cert(const struct gen_world *g, const struct gen_act *a,
    uint64_t id, struct gen_writers *ws)
{
	int k = irm_gen_cert_kind(a);
	struct gen_out *w;
	char name[96];

	if (k < 0 || k >= GEN_NCERT)
		return;
	w = ws->cert[k];
	irm_gen_room(w);
	row_start(w, g, a, id,
	    a->kind == GEN_K_LOGON && (a->flags & GEN_F_AS) ? a->file
	                                                    : a->user);
	switch (k) {
	case GEN_CERT_LOGON:
		irm_gen_lit(w, "Logon");
		break;
	case GEN_CERT_DEVICE:
		irm_gen_lit(w, "Connect");
		break;
	case GEN_CERT_FILE:
		irm_gen_file_name(a->file, 0, name, sizeof(name));
		irm_gen_lit(w, "E:\\");
		irm_gen_lit(w, name);
		irm_gen_lit(w, ",copy document");
		break;
	case GEN_CERT_EMAIL:
		email(w, g, a);
		break;
	default:
		http(w, a);
	}
	irm_gen_chr(w, '\n');
	w->records++;
}
