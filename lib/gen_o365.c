/*
 * gen_o365.c - irm-gen's records: each act becomes a record in its
 * source's own format.  O365 Management Activity API records follow the
 * field sets of o365-api.md sections 2 and 9 (SharePoint and OneDrive file
 * and sharing operations, Entra ID logons, Exchange Send, DLP rule
 * matches on mail, Endpoint DLP, label changes); Defender alerts are
 * Graph alerts_v2 objects; badge swipes the physical badging connector's
 * JSON; HR rows the HR connector's multi-scenario CSV.  Addresses are
 * RFC 5737 documentation ranges.
 */
#include <string.h>

#include "irm.h"
#include "gen_int.h"

#define TENANT GEN_TENANT
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *const agents[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
    "like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.66",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.3 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 "
    "Firefox/123.0"};
static const char sync_agent[] = "Microsoft SkyDriveSync 24.030.0211.0002 "
                                 "ship; Windows NT 10.0 (22631)";

static const char *const customers[] = {"northwindtraders.com",
    "adventure-works.com", "tailspintoys.com", "wingtiptoys.com",
    "litwareinc.com", "proseware.com", "lucernepublishing.com",
    "margiestravel.com", "alpineskihouse.com", "wideworldimporters.com"};

const char *
irm_gen_customer(uint64_t r)
{
	return customers[r % NELEM(customers)];
}

static const char *const printers[] = {"HP LaserJet M607 (3rd floor)",
    "Canon iR-ADV C5535 (Finance)", "Xerox VersaLink C405 (Reception)",
    "Brother HL-L6400DW (Legal)"};

static const char *const browser_sites[] = {"www.microsoft.com", "github.com",
    "www.adobe.com", "docs.python.org", "www.bbc.co.uk", "www.heise.de",
    "www.nytimes.com", "download.zoom.us"};

struct rec {
	const struct gen_world *g;
	const struct gen_act *a;
	const struct gen_user *u;
	struct gen_out *w;
	uint64_t id, r;
	const char *site; /* a GEN_K_WEB act's site */
	char ip[24];
	char name[96];
};

static unsigned
pick(struct rec *x, unsigned n)
{
	return irm_gen_below(&x->r, n);
}

/* Web sites by kind (GEN_WEB_*). */
static const char *const sites_news[] = {"www.bbc.co.uk", "www.heise.de",
    "www.nytimes.com", "en.wikipedia.org", "stackoverflow.com", "github.com",
    "www.spiegel.de", "www.microsoft.com"};
static const char *const sites_job[] = {"www.indeed.com", "www.monster.com",
    "www.stepstone.de", "www.glassdoor.com", "www.linkedin.com"};
static const char *const sites_leak[] = {"wikileaks.org"};
static const char *const sites_spy[] = {
    "www.spectorsoft.com", "www.refog.com", "www.spyrix.com"};
static const char *const sites_cloud[] = {
    "www.dropbox.com", "mega.nz", "wetransfer.com"};

const char *
irm_gen_web_site(int kind, uint64_t r)
{
	switch (kind) {
	case GEN_WEB_JOB:
		return sites_job[r % NELEM(sites_job)];
	case GEN_WEB_LEAK:
		return sites_leak[r % NELEM(sites_leak)];
	case GEN_WEB_SPY:
		return sites_spy[r % NELEM(sites_spy)];
	case GEN_WEB_CLOUD:
		return sites_cloud[r % NELEM(sites_cloud)];
	default:
		return sites_news[r % NELEM(sites_news)];
	}
}

/* The office by day, home at night or one time in five, a hotel abroad
 * on a trip; a logon as another user comes from the actor's laptop. */
static void
set_ip(struct rec *x)
{
	int64_t local = x->a->t + x->g->offset[0];
	unsigned hour = (unsigned)((local % 86400 + 86400) % 86400 / 3600);
	int home = hour < 7 || hour >= 19 || x->a->r % 5 == 0;
	unsigned ip = x->u->ip;

	if (x->a->flags & GEN_F_INTRUDER) {
		irm_gen_intruder_ip(x->a->r, x->ip, sizeof(x->ip));
		return;
	}
	if (x->a->flags & GEN_F_ABROAD) {
		snprintf(x->ip, sizeof(x->ip), "192.0.2.%u",
		    1 + x->u->country * 30 + ip % 30);
		return;
	}
	if (x->a->flags & GEN_F_AS)
		ip = x->g->u[x->a->user].ip;
	snprintf(x->ip, sizeof(x->ip), "%s.%u",
	    home ? "203.0.113" : "198.51.100", ip);
}

static void
common(struct rec *x, const char *op, int type, const char *workload,
    const char *userid, const char *userkey)
{
	irm_gen_open(x->w, NULL, '{');
	irm_gen_time(x->w, "CreationTime", x->a->t, -1);
	irm_gen_guid(
	    x->w, "Id", irm_gen_mix(x->id), irm_gen_mix(x->id ^ 0xa5a5));
	irm_gen_str(x->w, "Operation", op);
	irm_gen_str(x->w, "OrganizationId", TENANT);
	irm_gen_num(x->w, "RecordType", type);
	irm_gen_str(x->w, "UserKey", userkey);
	irm_gen_num(x->w, "UserType", 0);
	irm_gen_num(x->w, "Version", 1);
	irm_gen_str(x->w, "Workload", workload);
	irm_gen_str(x->w, "UserId", userid);
}

static void
puid(const struct rec *x, char *b, size_t n, const char *suffix)
{
	snprintf(b, n, "1003%012llX%s",
	    (unsigned long long)(irm_gen_mix(x->a->user + 99) &
	        0xffffffffffffULL),
	    suffix);
}

static void
end(struct rec *x)
{
	irm_gen_close(x->w, '}');
	irm_gen_chr(x->w, '\n');
	x->w->records++;
}

/* An Actor or Target list of an Entra ID record: the object of type type
 * with a GUID of id, then the UPN upn (type 5). */
static void
identities(
    struct gen_out *w, const char *name, uint32_t id, int type, const char *upn)
{
	irm_gen_open(w, name, '[');
	irm_gen_open(w, NULL, '{');
	irm_gen_guid(w, "ID", irm_gen_mix(id), irm_gen_mix(id + 1));
	irm_gen_num(w, "Type", type);
	irm_gen_close(w, '}');
	irm_gen_open(w, NULL, '{');
	irm_gen_str(w, "ID", upn);
	irm_gen_num(w, "Type", 5);
	irm_gen_close(w, '}');
	irm_gen_close(w, ']');
}

/* ------------------------------------------------------------- logons */

static void
logon(struct rec *x, int failed)
{
	struct gen_out *w = x->w;
	char key[64];
	const char *agent = (x->a->flags & GEN_F_INTRUDER)
	    ? irm_gen_intruder_agent
	    : agents[x->a->user % NELEM(agents)];

	if (x->a->flags & GEN_F_AS)
		x->u = &x->g->u[x->a->file]; /* the account, not the actor */
	puid(x, key, sizeof(key), "@contoso.com");
	common(x, failed ? "UserLoginFailed" : "UserLoggedIn", 15,
	    "AzureActiveDirectory", x->u->upn, key);
	irm_gen_str(w, "ResultStatus", "Success");
	irm_gen_str(w, "ClientIP", x->ip);
	irm_gen_str(w, "ObjectId", "00000003-0000-0ff1-ce00-000000000000");
	irm_gen_num(w, "AzureActiveDirectoryEventType", 1);
	irm_gen_open(w, "ExtendedProperties", '[');
	irm_gen_pair(w, "ResultStatusDetail", failed ? "Redirect" : "Success");
	irm_gen_pair(w, "UserAgent", agent);
	irm_gen_pair(w, "UserAuthenticationMethod", "1");
	irm_gen_pair(
	    w, "RequestType", failed ? "Login:login" : "OAuth2:Authorize");
	irm_gen_pair(w, "KeepMeSignedIn", "True");
	irm_gen_close(w, ']');
	irm_gen_open(w, "ModifiedProperties", '[');
	irm_gen_close(w, ']');
	identities(w, "Actor", x->a->user, 0, x->u->upn);
	irm_gen_str(w, "ActorContextId", TENANT);
	irm_gen_str(w, "ActorIpAddress", x->ip);
	irm_gen_guid(
	    w, "InterSystemsId", irm_gen_next(&x->r), irm_gen_next(&x->r));
	irm_gen_guid(
	    w, "IntraSystemId", irm_gen_next(&x->r), irm_gen_next(&x->r));
	irm_gen_str(w, "SupportTicketId", "");
	irm_gen_open(w, "Target", '[');
	irm_gen_open(w, NULL, '{');
	irm_gen_str(w, "ID", "00000003-0000-0ff1-ce00-000000000000");
	irm_gen_num(w, "Type", 0);
	irm_gen_close(w, '}');
	irm_gen_close(w, ']');
	irm_gen_str(w, "TargetContextId", TENANT);
	irm_gen_str(w, "ApplicationId", "4765445b-32c6-49b0-83e6-1d93765276ca");
	irm_gen_open(w, "DeviceProperties", '[');
	irm_gen_pair(w, "OS", x->a->user % 3 == 1 ? "MacOs" : "Windows10");
	irm_gen_pair(w, "BrowserType", x->a->user % 3 == 1 ? "Safari" : "Edge");
	irm_gen_pair(w, "IsCompliantAndManaged", "True");
	irm_gen_close(w, ']');
	irm_gen_str(w, "ErrorNumber", failed ? "50126" : "0");
	if (failed)
		irm_gen_str(w, "LogonError", "InvalidUserNameOrPassword");
	end(x);
}

/* ------------------------------------------------------- SharePoint */

static void
site_url(const struct rec *x, char *b, size_t n)
{
	unsigned d = GEN_FILE_DEPT(x->a->file);
	char od[48];
	size_t i;

	if (d < irm_gen_ndepts && !(x->a->flags & GEN_F_ONEDRIVE)) {
		snprintf(b, n, "https://contoso.sharepoint.com/sites/%s/",
		    irm_gen_depts[d].site);
		return;
	}
	for (i = 0; x->u->local[i] && i + 1 < sizeof(od); i++)
		od[i] = x->u->local[i] == '.' ? '_' : x->u->local[i];
	od[i] = '\0';
	snprintf(b, n,
	    "https://contoso-my.sharepoint.com/personal/%s_contoso_com/", od);
}

static const char *
ext_of(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot ? dot + 1 : "";
}

static int
onedrive(const struct rec *x)
{
	return (x->a->flags & GEN_F_ONEDRIVE) ||
	    GEN_FILE_DEPT(x->a->file) >= irm_gen_ndepts;
}

/* The fields of a SharePoint or OneDrive item (section 2.2). */
static void
item(struct rec *x, const char *op, int type, const char *agent)
{
	struct gen_out *w = x->w;
	char site[160], obj[400], key[64];
	const char *folder = irm_gen_file_folder(x->a->file);
	int od = onedrive(x);

	site_url(x, site, sizeof(site));
	irm_gen_file_name(x->a->file, 0, x->name, sizeof(x->name));
	snprintf(obj, sizeof(obj), "%s%s/%s", site, folder, x->name);
	snprintf(key, sizeof(key), "i:0h.f|membership|1003%012llx@live.com",
	    (unsigned long long)(irm_gen_mix(x->a->user + 7) &
	        0xffffffffffffULL));
	common(x, op, type, od ? "OneDrive" : "SharePoint", x->u->upn, key);
	irm_gen_str(w, "ClientIP", x->ip);
	irm_gen_str(w, "ObjectId", obj);
	irm_gen_guid(
	    w, "CorrelationId", irm_gen_next(&x->r), irm_gen_next(&x->r));
	irm_gen_str(w, "EventSource", "SharePoint");
	irm_gen_str(w, "ItemType", "File");
	irm_gen_guid(
	    w, "ListId", irm_gen_mix(x->a->file), irm_gen_mix(x->a->file + 1));
	irm_gen_guid(w, "ListItemUniqueId", irm_gen_mix(x->a->file + 2),
	    irm_gen_mix(x->a->file + 3));
	irm_gen_guid(w, "Site", irm_gen_mix(GEN_FILE_DEPT(x->a->file) + 11),
	    irm_gen_mix(GEN_FILE_DEPT(x->a->file) + 12));
	irm_gen_str(w, "UserAgent", agent);
	irm_gen_guid(w, "WebId", irm_gen_mix(GEN_FILE_DEPT(x->a->file) + 13),
	    irm_gen_mix(GEN_FILE_DEPT(x->a->file) + 14));
	irm_gen_str(w, "SourceFileExtension", ext_of(x->name));
	irm_gen_str(w, "SiteUrl", site);
	irm_gen_str(w, "SourceFileName", x->name);
	irm_gen_str(w, "SourceRelativeUrl", folder);
}

static void
sharepoint(struct rec *x)
{
	static const char *const ops[GEN_NOPS] = {"FileAccessed",
	    "FileModified", "FileDownloaded", "FileUploaded",
	    "FileSyncDownloadedFull", "FileRecycled"};
	struct gen_out *w = x->w;
	int sync = x->a->arg == GEN_OP_SYNC;
	int label = irm_gen_file_label(x->a->file);

	item(x, ops[x->a->arg], 6,
	    sync ? sync_agent : agents[x->a->user % NELEM(agents)]);
	if (label >= 0 && (x->a->flags & GEN_F_LABELLED))
		irm_gen_str(w, "SensitivityLabelId", irm_gen_label_ids[label]);
	if (x->a->r % 2) {
		irm_gen_str(w, "ApplicationDisplayName",
		    sync ? "OneDrive SyncEngine"
		         : "SharePoint Online Web Client");
		irm_gen_bool(w, "IsManagedDevice", 1);
		irm_gen_str(w, "Platform", "WinDesktop");
		irm_gen_str(w, "AuthenticationType", "OAuth");
		irm_gen_num(w, "FileSizeBytes",
		    (int64_t)(irm_gen_mix(x->a->file) % 5000000 + 1000));
		irm_gen_str(w, "ListBaseType", "1");
		irm_gen_str(w, "ListServerTemplate", "101");
	}
	end(x);
}

static void
personal_address(const struct rec *x, char *b, size_t n, const char *dom)
{
	char l[40];
	size_t i, j;

	for (i = j = 0; x->u->local[i] && j + 1 < sizeof(l); i++)
		if (x->u->local[i] != '.')
			l[j++] = x->u->local[i];
	l[j] = '\0';
	snprintf(b, n, "%s%02u%s", l,
	    (unsigned)(irm_gen_mix(x->a->user) % 90 + 10), dom);
}

static void
guid_str(char *b, size_t n, uint64_t x, uint64_t y)
{
	snprintf(b, n, "%08x-%04x-%04x-%04x-%012llx", (unsigned)(x >> 32),
	    (unsigned)(x >> 16 & 0xffff), (unsigned)((x & 0x0fff) | 0x4000),
	    (unsigned)((y >> 48 & 0x3fff) | 0x8000),
	    (unsigned long long)(y & 0xffffffffffffULL));
}

/* One sharing record; target NULL for a link's creation. */
static void
share_rec(struct rec *x, const char *op, const char *target, const char *type,
    const char *data, uint64_t sharing)
{
	struct gen_out *w = x->w;

	item(x, op, 14, agents[x->a->user % NELEM(agents)]);
	if (irm_gen_file_label(x->a->file) >= 0)
		irm_gen_str(w, "SensitivityLabelId",
		    irm_gen_label_ids[irm_gen_file_label(x->a->file)]);
	if (target) {
		irm_gen_str(w, "TargetUserOrGroupName", target);
		irm_gen_str(w, "TargetUserOrGroupType", type);
	}
	irm_gen_str(w, "EventData", data);
	irm_gen_guid(w, "UniqueSharingId", irm_gen_mix(sharing),
	    irm_gen_mix(sharing + 1));
	end(x);
}

/*
 * A link is logged twice, as SharePoint does: its creation, then the
 * SharingSet of the link's group (SharingLinks.ITEM.AnonymousView.ID),
 * with the same correlation id.
 */
static void
share(struct rec *x)
{
	const char *type = "Guest";
	char target[160], item_id[40], link_id[40];
	uint64_t r0 = x->r, sharing = irm_gen_mix(x->a->r ^ 0x5eed);
	int anon = x->a->arg == GEN_SH_ANON;

	switch (x->a->arg) {
	case GEN_SH_MEMBER:
		snprintf(target, sizeof(target), "%s",
		    x->g->u[x->a->r % x->g->nusers].upn);
		type = "Member";
		break;
	case GEN_SH_PARTNER:
		snprintf(target, sizeof(target),
		    "%s_fabrikam.com#ext#@contoso.onmicrosoft.com",
		    x->g->u[x->a->r % x->g->nusers].local);
		break;
	case GEN_SH_PERSONAL:
		personal_address(x, target, sizeof(target),
		    "_gmail.com#ext#@contoso.onmicrosoft.com");
		break;
	default:
		share_rec(x,
		    anon ? "AnonymousLinkCreated" : "CompanyLinkCreated", NULL,
		    NULL, "<Type>View</Type>", sharing);
		guid_str(item_id, sizeof(item_id), irm_gen_mix(x->a->file + 2),
		    irm_gen_mix(x->a->file + 3));
		guid_str(link_id, sizeof(link_id), irm_gen_mix(sharing),
		    irm_gen_mix(sharing + 1));
		snprintf(target, sizeof(target), "SharingLinks.%s.%s.%s",
		    item_id, anon ? "AnonymousView" : "OrganizationView",
		    link_id);
		x->r = r0;
		x->id = irm_gen_mix(x->id ^ 0x11);
		irm_gen_room(x->w);
		x->w->first = 1;
		share_rec(x, "SharingSet", target, "SharePointGroup",
		    "<Permissions granted>Limited View</Permissions granted>",
		    sharing);
		return;
	}
	share_rec(x, "SharingSet", target, type,
	    "<Permissions granted>Read</Permissions granted>", sharing);
}

/* ----------------------------------------------------------- Exchange */

static void
attachments(struct rec *x, char *b, size_t n)
{
	size_t len = 0;
	unsigned i;
	uint32_t f = x->a->file;

	b[0] = '\0';
	if (x->a->flags & GEN_F_SIG)
		len += (size_t)snprintf(
		    b, n, "image001.png (%ub)", 4000 + pick(x, 3000));
	for (i = 0; i < x->a->arg && len + 120 < n; i++) {
		irm_gen_file_name(
		    GEN_FILE(GEN_FILE_DEPT(f),
		        (GEN_FILE_K(f) + i * 7) % GEN_FILES_PER_DEPT),
		    0, x->name, sizeof(x->name));
		len += (size_t)snprintf(b + len, n - len, "%s%s (%ub)",
		    len ? "; " : "", x->name, 10000 + pick(x, 4000000));
	}
}

static void
subject(struct rec *x, char *b, size_t n)
{
	static const char *const fmt[] = {
	    "%s", "RE: %s", "FW: %s", "Updated %s", "%s - as discussed"};
	char stem[96];
	char *dot;

	irm_gen_file_name(x->a->file, 0, stem, sizeof(stem));
	if ((dot = strrchr(stem, '.')) != NULL)
		*dot = '\0';
	snprintf(b, n, fmt[pick(x, NELEM(fmt))], stem);
}

static void
sid(const struct rec *x, char *b, size_t n)
{
	snprintf(b, n, "S-1-5-21-3422892061-1135328251-2670905592-%u",
	    26000 + x->a->user);
}

static void
send(struct rec *x)
{
	struct gen_out *w = x->w;
	char ip[40], s[80], att[600], subj[160];

	int as = x->a->kind == GEN_K_SENDAS;

	snprintf(ip, sizeof(ip), "%s:%u", x->ip, 1024 + pick(x, 60000));
	sid(x, s, sizeof(s));
	common(x, as ? "SendAs" : "Send", 2, "Exchange", x->u->upn, s);
	irm_gen_str(w, "ResultStatus", "Succeeded");
	irm_gen_str(w, "ClientIP", ip);
	irm_gen_str(w, "ClientIPAddress", ip);
	irm_gen_str(w, "ClientInfoString", "Client=OWA;Action=ViaProxy");
	irm_gen_bool(w, "ExternalAccess", 0);
	irm_gen_num(w, "InternalLogonType", 0);
	irm_gen_num(w, "LogonType", 0);
	irm_gen_str(w, "LogonUserSid", s);
	irm_gen_guid(w, "MailboxGuid", irm_gen_mix(x->a->user + 5),
	    irm_gen_mix(x->a->user + 6));
	irm_gen_str(w, "MailboxOwnerSid", s);
	irm_gen_str(w, "MailboxOwnerUPN", x->u->upn);
	irm_gen_str(w, "OrganizationName", "contoso.onmicrosoft.com");
	irm_gen_str(w, "OriginatingServer", "AM6PR01MB4535 (15.20.7362.019)\n");
	irm_gen_guid(w, "SessionId", irm_gen_next(&x->r), irm_gen_next(&x->r));
	irm_gen_open(w, "Item", '{');
	irm_gen_hex(w, "Id", irm_gen_next(&x->r), 64);
	snprintf(att, sizeof(att),
	    "<AM6PR01MB%05u%08X@AM6PR01MB4535.eurprd01.prod.outlook.com>",
	    pick(x, 100000), (unsigned)irm_gen_next(&x->r));
	irm_gen_str(w, "InternetMessageId", att);
	irm_gen_bool(w, "IsRecord", 0);
	irm_gen_open(w, "ParentFolder", '{');
	irm_gen_hex(w, "Id", irm_gen_next(&x->r), 44);
	irm_gen_str(w, "Path", "\\Sent Items");
	irm_gen_close(w, '}');
	irm_gen_num(w, "SizeInBytes", 2000 + pick(x, 8000000));
	if (as) {
		irm_gen_str(w, "Subject",
		    "To all staff: what they are not telling you");
	} else {
		subject(x, subj, sizeof(subj));
		irm_gen_str(w, "Subject", subj);
		attachments(x, att, sizeof(att));
		if (att[0])
			irm_gen_str(w, "Attachments", att);
	}
	irm_gen_close(w, '}');
	irm_gen_bool(w, "SaveToSentItems", 1);
	if (as)
		irm_gen_str(w, "SendAsUserSmtp", x->g->u[x->a->file].upn);
	end(x);
}

static void
recipient(struct rec *x, char *b, size_t n)
{
	const struct gen_user *o = &x->g->u[x->a->r % x->g->nusers];

	switch (x->a->arg) {
	case GEN_TO_PARTNER:
		snprintf(b, n, "%s@fabrikam.com", o->local);
		break;
	case GEN_TO_PERSONAL:
		personal_address(x, b, n, "@gmail.com");
		break;
	case GEN_TO_COMPETITOR:
		snprintf(b, n, "procurement@relecloud.com");
		break;
	default:
		snprintf(b, n, "%s@%s", o->local,
		    customers[(x->a->user + x->a->r % 3) % NELEM(customers)]);
	}
}

static void
dlp(struct rec *x)
{
	static const char *const sits[] = {"Credit Card Number",
	    "U.S. Social Security Number (SSN)", "EU Debit Card Number",
	    "International Banking Account Number (IBAN)",
	    "ABA Routing Number"};
	struct gen_out *w = x->w;
	const char *sev = (x->a->flags & GEN_F_HIGH) ? "High"
	    : (x->a->flags & GEN_F_MEDIUM)           ? "Medium"
	                                             : "Low";
	char mid[96], a[128];

	snprintf(mid, sizeof(mid),
	    "<AM0PR05MB%05u%08X@AM0PR05MB4803.eurprd05.prod.outlook.com>",
	    pick(x, 100000), (unsigned)irm_gen_next(&x->r));
	common(x, "DlpRuleMatch", 13, "Exchange", "DlpAgent", "DlpAgent");
	irm_gen_str(w, "ObjectId", mid);
	irm_gen_bool(w, "SensitiveInfoDetectionIsIncluded", 0);
	irm_gen_guid(w, "IncidentId", irm_gen_next(&x->r), irm_gen_next(&x->r));
	irm_gen_open(w, "PolicyDetails", '[');
	irm_gen_open(w, NULL, '{');
	irm_gen_str(w, "PolicyId", "88956b36-45b3-4828-bf53-78603c0e5f58");
	irm_gen_str(w, "PolicyName", "Contoso financial data");
	irm_gen_open(w, "Rules", '[');
	irm_gen_open(w, NULL, '{');
	irm_gen_open(w, "Actions", '[');
	irm_gen_elem(w, "NotifyUser");
	irm_gen_elem(w, "GenerateIncidentReport");
	irm_gen_close(w, ']');
	irm_gen_open(w, "ConditionsMatched", '{');
	irm_gen_open(w, "OtherConditions", '[');
	irm_gen_pair(w, "AccessScope", "NotInOrganization");
	irm_gen_close(w, ']');
	irm_gen_open(w, "SensitiveInformation", '[');
	irm_gen_open(w, NULL, '{');
	irm_gen_num(w, "Confidence", 85);
	irm_gen_num(w, "Count", 1 + pick(x, 20));
	irm_gen_str(w, "Location", "Attachment");
	irm_gen_guid(
	    w, "SensitiveType", 0xcb353f782b724c3cULL, 0x882792ebe4f69fdfULL);
	irm_gen_str(
	    w, "SensitiveInformationTypeName", sits[pick(x, NELEM(sits))]);
	irm_gen_num(w, "UniqueCount", 1);
	irm_gen_close(w, '}');
	irm_gen_close(w, ']');
	irm_gen_close(w, '}');
	irm_gen_guid(w, "RuleId", 0xb71c0e2a5d944f38ULL, 0x8a6e1c3f9d2e7b05ULL);
	irm_gen_str(w, "RuleMode", "Enable");
	irm_gen_str(
	    w, "RuleName", "Financial data sent outside the organization");
	irm_gen_str(w, "Severity", sev);
	irm_gen_close(w, '}');
	irm_gen_close(w, ']');
	irm_gen_close(w, '}');
	irm_gen_close(w, ']');
	irm_gen_open(w, "ExchangeMetaData", '{');
	irm_gen_str(w, "From", x->u->upn);
	irm_gen_open(w, "To", '[');
	recipient(x, a, sizeof(a));
	irm_gen_elem(w, a);
	irm_gen_close(w, ']');
	irm_gen_open(w, "CC", '[');
	if (x->a->arg == GEN_TO_CUSTOMER && x->a->r % 3 == 0)
		irm_gen_elem(w, x->g->u[(x->a->r >> 8) % x->g->nusers].upn);
	irm_gen_close(w, ']');
	irm_gen_open(w, "BCC", '[');
	irm_gen_close(w, ']');
	subject(x, a, sizeof(a));
	irm_gen_str(w, "Subject", a);
	irm_gen_time(w, "Sent", x->a->t - 2, -1);
	irm_gen_num(w, "RecipientCount", 1);
	irm_gen_num(w, "FileSize", 20000 + pick(x, 800000));
	irm_gen_guid(w, "UniqueID", irm_gen_next(&x->r), irm_gen_next(&x->r));
	irm_gen_str(w, "MessageID", mid);
	irm_gen_close(w, '}');
	end(x);
}

/* ------------------------------------------------------------ endpoint */

static void
usb_device(struct rec *x)
{
	static const char *const makers[] = {
	    "SanDisk", "Kingston", "Samsung", "Seagate", "Western Digital"};
	struct gen_out *w = x->w;
	uint64_t d = irm_gen_mix(x->a->user * 3 + 1);

	irm_gen_open(w, "RemovableMediaDeviceAttributes", '{');
	irm_gen_str(w, "Manufacturer", makers[d % NELEM(makers)]);
	irm_gen_str(w, "Model", "USB Flash Drive");
	irm_gen_hex(w, "SerialNumber", d, 16);
	irm_gen_num(w, "Capacity", 61530439680LL);
	irm_gen_str(w, "BusType", "USB");
	irm_gen_close(w, '}');
}

static void
ep_target(struct rec *x, int op)
{
	static const char *const clouds[] = {
	    "contoso.sharepoint.com", "app.box.com", "www.dropbox.com"};
	struct gen_out *w = x->w;
	char b[400];
	const char *d;

	switch (op) {
	case GEN_EP_PRINT:
		irm_gen_str(
		    w, "TargetPrinterName", printers[pick(x, NELEM(printers))]);
		break;
	case GEN_EP_USB:
		snprintf(b, sizeof(b), "E:\\%s", x->name);
		irm_gen_str(w, "TargetFilePath", b);
		irm_gen_num(w, "DestinationLocationType", 2);
		usb_device(x);
		break;
	case GEN_EP_MOUNT:
		usb_device(x);
		break;
	case GEN_EP_CLOUD_INTERNAL:
	case GEN_EP_CLOUD_THIRD:
	case GEN_EP_CLOUD_PERSONAL:
		d = x->site ? x->site : clouds[op - GEN_EP_CLOUD_INTERNAL];
		snprintf(
		    b, sizeof(b), "https://%s/upload/%u", d, pick(x, 1000000));
		irm_gen_str(w, "TargetDomain", d);
		irm_gen_str(w, "TargetUrl", b);
		irm_gen_num(w, "DestinationLocationType", 3);
		break;
	case GEN_EP_BROWSER:
		d = x->site ? x->site
		            : browser_sites[pick(x, NELEM(browser_sites))];
		snprintf(b, sizeof(b), "https://%s/download/%s", d, x->name);
		irm_gen_str(w, "TargetDomain", d);
		irm_gen_str(w, "TargetUrl", b);
		break;
	case GEN_EP_BROWSE:
		snprintf(b, sizeof(b), "https://%s/%s", x->site,
		    x->a->arg == GEN_WEB_JOB ? "jobs/search" : "");
		irm_gen_str(w, "TargetDomain", x->site);
		irm_gen_str(w, "TargetUrl", b);
		break;
	case GEN_EP_RENAME:
		irm_gen_file_name(x->a->file, 0, b, sizeof(b));
		irm_gen_str(w, "PreviousFileName", b);
		break;
	case GEN_EP_SHARE_COPY:
		snprintf(b, sizeof(b), "\\\\fs01.contoso.com\\%s\\%s",
		    GEN_FILE_DEPT(x->a->file) < irm_gen_ndepts
		        ? irm_gen_depts[GEN_FILE_DEPT(x->a->file)].site
		        : "Users",
		    x->name);
		irm_gen_str(w, "TargetFilePath", b);
		irm_gen_num(w, "DestinationLocationType", 4);
		break;
	}
}

/* What people fetch from the web: names of its own, so that a download
 * and a print of a local document never look like one file. */
static void
web_name(struct rec *x)
{
	static const char *const fmt[] = {"invoice_%05u.pdf",
	    "statement_%05u.pdf", "setup_x64_%u.exe", "whitepaper_%u.pdf",
	    "export_%u.csv", "boarding_pass_%u.pdf"};

	snprintf(x->name, sizeof(x->name), fmt[pick(x, NELEM(fmt))],
	    pick(x, 100000));
}

static void
endpoint(struct rec *x, int op)
{
	static const char *const ops[] = {"FilePrinted",
	    "FileCopiedToRemovableMedia", "RemovableMediaMount",
	    "FileUploadedToCloud", "FileUploadedToCloud", "FileUploadedToCloud",
	    "FileDownloadedFromBrowser", "FileRenamed", "FileDeleted",
	    "FileCopiedToNetworkShare", "ArchiveCreated", "BrowseToUrl"};
	static const char *const apps[] = {"Microsoft Word", "Windows Explorer",
	    "Windows Explorer", "msedge.exe", "msedge.exe", "msedge.exe",
	    "msedge.exe", "Windows Explorer", "Windows Explorer",
	    "Windows Explorer", "7-Zip", "msedge.exe"};
	struct gen_out *w = x->w;
	int label = irm_gen_file_label(x->a->file);
	char path[300], key[32], dev[24];
	const char *dir = op == GEN_EP_BROWSER || (x->a->flags & GEN_F_DISGUISE)
	    ? "Downloads"
	    : "Documents";

	if (op == GEN_EP_BROWSER && !x->site)
		web_name(x);
	else
		irm_gen_file_name(x->a->file,
		    (x->a->flags & GEN_F_DISGUISE) != 0, x->name,
		    sizeof(x->name));
	if (op == GEN_EP_ARCHIVE) {
		char *dot = strrchr(x->name, '.');

		if (dot && (size_t)(dot - x->name) + 5 < sizeof(x->name))
			memcpy(dot, ".zip", 5);
	}
	if (op == GEN_EP_BROWSE)
		snprintf(path, sizeof(path), "https://%s/", x->site);
	else if (op == GEN_EP_MOUNT)
		snprintf(path, sizeof(path), "E:\\");
	else
		snprintf(path, sizeof(path), "C:\\Users\\%s\\%s\\%s",
		    x->u->local, dir, x->name);
	puid(x, key, sizeof(key), "");
	snprintf(dev, sizeof(dev), "CONTOSO-LT-%05u", x->a->user);
	common(x, ops[op], 63, "Endpoint", x->u->upn, key);
	irm_gen_str(w, "ClientIP", x->ip);
	irm_gen_str(w, "DeviceName", dev);
	irm_gen_guid(w, "MDATPDeviceId", irm_gen_mix(x->a->user + 21),
	    irm_gen_mix(x->a->user + 22));
	irm_gen_num(w, "Platform", 1);
	irm_gen_str(w, "Application", apps[op]);
	irm_gen_str(w, "ObjectId", path);
	if (op != GEN_EP_MOUNT && op != GEN_EP_BROWSE) {
		irm_gen_str(w, "FileExtension", ext_of(x->name));
		irm_gen_num(w, "FileSize",
		    (int64_t)(irm_gen_mix(x->a->file) % 20000000 + 1000));
		irm_gen_str(w, "FileType", ext_of(x->name));
		irm_gen_hex(w, "Sha1", irm_gen_mix(x->a->file + 1), 40);
		irm_gen_hex(w, "Sha256", irm_gen_mix(x->a->file + 2), 64);
		irm_gen_bool(w, "RMSEncrypted", 0);
		irm_gen_num(w, "SourceLocationType", 1);
	}
	irm_gen_num(w, "EnforcementMode", 1);
	ep_target(x, op);
	if (label >= 0 && label <= 2 && op != GEN_EP_MOUNT &&
	    op != GEN_EP_BROWSE && (x->a->flags & GEN_F_LABELLED)) {
		irm_gen_open(w, "SensitivityLabelEventData", '{');
		irm_gen_str(w, "SensitivityLabelId", irm_gen_label_ids[label]);
		irm_gen_close(w, '}');
	}
	end(x);
}

/* ------------------------------------------------------------- labels */

static void
label(struct rec *x)
{
	struct gen_out *w = x->w;
	char site[160], obj[400], dev[24];
	int old = irm_gen_file_label(x->a->file), type = x->a->arg;

	irm_gen_file_name(x->a->file, 0, x->name, sizeof(x->name));
	if (type == 1) {
		/* A label applied in SharePoint where there was none. */
		item(x, "FileSensitivityLabelApplied", 6,
		    agents[x->a->user % NELEM(agents)]);
		irm_gen_open(w, "SensitivityLabelEventData", '{');
		irm_gen_str(w, "SensitivityLabelId",
		    irm_gen_label_ids[old >= 0 ? old : 2]);
		irm_gen_num(w, "LabelEventType", 1);
		irm_gen_close(w, '}');
		end(x);
		return;
	}
	/* A downgrade or removal in an Office app (section 2.6). */
	site_url(x, site, sizeof(site));
	snprintf(obj, sizeof(obj), "%s%s/%s", site,
	    irm_gen_file_folder(x->a->file), x->name);
	snprintf(dev, sizeof(dev), "CONTOSO-LT-%05u", x->a->user);
	common(x,
	    type == 2 ? "SensitivityLabelUpdated" : "SensitivityLabelRemoved",
	    94, "Aip", x->u->upn, x->u->upn);
	irm_gen_str(w, "ClientIP", x->ip);
	irm_gen_str(w, "ObjectId", obj);
	irm_gen_open(w, "Common", '{');
	irm_gen_str(w, "ApplicationId", "c00e9d32-3c8d-4a7d-832b-029040e7db99");
	irm_gen_str(w, "ApplicationName", "Microsoft Word");
	irm_gen_str(w, "ProcessName", "WINWORD");
	irm_gen_num(w, "Platform", 1);
	irm_gen_str(w, "DeviceName", dev);
	irm_gen_str(w, "Location", "SharePoint");
	irm_gen_str(w, "ProductVersion", "16.0.17328");
	irm_gen_close(w, '}');
	irm_gen_str(w, "DataState", "Use");
	irm_gen_open(w, "SensitivityLabelEventData", '{');
	if (type == 2)
		irm_gen_str(w, "SensitivityLabelId", irm_gen_label_ids[2]);
	irm_gen_str(w, "OldSensitivityLabelId",
	    irm_gen_label_ids[old >= 0 && old < 2 ? old : 0]);
	irm_gen_num(w, "LabelEventType", type);
	irm_gen_num(w, "ActionSource", 3);
	irm_gen_str(w, "JustificationText", "Previous label no longer applies");
	irm_gen_close(w, '}');
	end(x);
}

/* ------------------------------------------------------ Graph alerts */

static void
alert(struct rec *x)
{
	static const char *const evasion[] = {
	    "Attempt to turn off Microsoft Defender Antivirus protection",
	    "Suspicious audit policy tampering",
	    "Tampering with Microsoft Defender for Endpoint sensor settings"};
	struct gen_out *w = x->w;
	int ev = x->a->arg == GEN_AL_EVASION;
	const char *sev = (x->a->flags & GEN_F_HIGH) ? "high"
	    : (x->a->flags & GEN_F_MEDIUM)           ? "medium"
	                                             : "low";
	char host[64], id[40];
	uint64_t a = irm_gen_mix(x->id), b = irm_gen_mix(x->id ^ 0x5a5a);

	snprintf(host, sizeof(host), "contoso-lt-%05u.contoso.com", x->a->user);
	snprintf(id, sizeof(id), "da%016llx%016llx", (unsigned long long)a,
	    (unsigned long long)b);
	irm_gen_open(w, NULL, '{');
	irm_gen_str(w, "id", id);
	irm_gen_str(
	    w, "providerAlertId", ev ? "da637551227677560813" : "da6375");
	irm_gen_guid(w, "incidentId", a, b);
	irm_gen_str(w, "status", "new");
	irm_gen_str(w, "severity", sev);
	irm_gen_str(w, "classification", "unknown");
	irm_gen_str(w, "category", ev ? "DefenseEvasion" : "UnwantedSoftware");
	irm_gen_str(w, "title",
	    ev ? evasion[pick(x, NELEM(evasion))]
	       : "An active 'PUA:Win32/Presenoker' unwanted software was detected");
	irm_gen_str(w, "serviceSource", "microsoftDefenderForEndpoint");
	irm_gen_str(w, "detectionSource", ev ? "antivirus" : "edr");
	irm_gen_time(w, "createdDateTime", x->a->t, (int)pick(x, 1000));
	irm_gen_time(w, "lastUpdateDateTime", x->a->t + 60, 0);
	irm_gen_open(w, "evidence", '[');
	irm_gen_open(w, NULL, '{');
	irm_gen_str(
	    w, "@odata.type", "#microsoft.graph.security.deviceEvidence");
	irm_gen_time(w, "createdDateTime", x->a->t, 0);
	irm_gen_str(w, "verdict", "suspicious");
	irm_gen_str(w, "remediationStatus", "none");
	irm_gen_str(w, "deviceDnsName", host);
	irm_gen_str(w, "osPlatform", "Windows10");
	irm_gen_close(w, '}');
	irm_gen_open(w, NULL, '{');
	irm_gen_str(w, "@odata.type", "#microsoft.graph.security.userEvidence");
	irm_gen_time(w, "createdDateTime", x->a->t, 0);
	irm_gen_str(w, "verdict", "unknown");
	irm_gen_open(w, "userAccount", '{');
	irm_gen_str(w, "accountName", x->u->local);
	irm_gen_str(w, "domainName", "CONTOSO");
	sid(x, host, sizeof(host));
	irm_gen_str(w, "userSid", host);
	irm_gen_str(w, "userPrincipalName", x->u->upn);
	irm_gen_close(w, '}');
	irm_gen_close(w, '}');
	irm_gen_close(w, ']');
	end(x);
}

/* An Entra ID directory record (RecordType 8), as the published
 * "Add User." sample: admin acts on the account of user target. */
static void
directory(struct rec *x, const char *op, uint32_t ai, uint32_t target)
{
	struct gen_out *w = x->w;
	const struct gen_user *admin = &x->g->u[ai];
	char key[64];

	snprintf(key, sizeof(key), "1003%012llX@contoso.com",
	    (unsigned long long)(irm_gen_mix(ai + 99) & 0xffffffffffffULL));
	x->u = &x->g->u[target];
	common(x, op, 8, "AzureActiveDirectory", admin->upn, key);
	irm_gen_str(w, "ResultStatus", "Success");
	irm_gen_str(w, "ObjectId", x->u->upn);
	irm_gen_num(w, "AzureActiveDirectoryEventType", 1);
	identities(w, "Actor", ai, 2, admin->upn);
	irm_gen_str(w, "ActorContextId", TENANT);
	irm_gen_guid(
	    w, "InterSystemsId", irm_gen_next(&x->r), irm_gen_next(&x->r));
	irm_gen_guid(
	    w, "IntraSystemId", irm_gen_next(&x->r), irm_gen_next(&x->r));
	identities(w, "Target", target, 2, x->u->upn);
	irm_gen_str(w, "TargetContextId", TENANT);
	end(x);
}

/* ---------------------------------------------------- badge and HR */

static void
badge(struct rec *x)
{
	static const char *const assets[][2] = {
	    {"HQ-MAIN-1", "Headquarters Main Entrance"},
	    {"HQ-GAR-2", "Headquarters Garage"}};
	struct gen_out *w = x->w;

	if (w->records)
		irm_gen_raw(w, ",\n", 2);
	irm_gen_open(w, NULL, '{');
	irm_gen_str(w, "UserId", x->u->upn);
	irm_gen_str(w, "AssetId", assets[x->a->arg & 1][0]);
	irm_gen_str(w, "AssetName", assets[x->a->arg & 1][1]);
	irm_gen_time(w, "EventTime", x->a->t, -1);
	irm_gen_str(w, "AccessStatus",
	    (x->a->flags & GEN_F_FAILED) ? "Failed" : "Success");
	irm_gen_close(w, '}');
	w->records++;
}

/* 17:00 local on a day that may lie past the period. */
static int64_t
day_end(const struct gen_world *g, int day)
{
	int n = (int)g->o->days, k = day < n ? day : n - 1;

	return (g->o->start + day) * 86400 + 17 * 3600 - g->offset[k];
}

static void
hr(struct rec *x)
{
	static const char *const good[] = {"3 - Meets expectations",
	    "4 - Exceeds expectations", "5 - Outstanding",
	    "3 - Meets expectations"};
	static const char *const remarks[] = {"Solid year",
	    "Strong customer focus", "Reliable and thorough",
	    "Grew into the role"};
	struct gen_out *w = x->w;
	const struct gen_user *u = x->u;

	if (x->a->arg == GEN_HR_JOB) {
		static const char *const levels[] = {"Level 58 - Associate",
		    "Level 59 - Senior Associate", "Level 60 - Manager",
		    "Level 61 - Senior Manager", "Level 62 - Director"};
		int l = 1 + (int)(irm_gen_mix(x->a->user) % 3);
		int down = (u->flags & GEN_U_DEMOTED) != 0;

		irm_gen_lit(w, "Job level change,");
		irm_gen_lit(w, irm_gen_who(x->g, u));
		irm_gen_raw(w, ",,,", 3);
		irm_gen_stamp(w, x->a->t);
		irm_gen_lit(w, down ? "Z,Reorganization,," : "Z,Promotion,,");
		irm_gen_lit(w, levels[l]);
		irm_gen_chr(w, ',');
		irm_gen_lit(w, levels[down ? l - 1 : l + 1]);
		irm_gen_chr(w, '\n');
		w->records++;
		return;
	}
	if (x->a->arg == GEN_HR_RESIGN) {
		irm_gen_lit(w, "Resignation,");
		irm_gen_lit(w, irm_gen_who(x->g, u));
		irm_gen_chr(w, ',');
		irm_gen_stamp(w, x->a->t);
		irm_gen_raw(w, "Z,", 2);
		irm_gen_stamp(w, day_end(x->g, u->last));
		irm_gen_raw(w, "Z,,,,,\n", 7);
	} else {
		int poor = (u->flags & GEN_U_POOR) != 0;

		irm_gen_lit(w, "Performance review,");
		irm_gen_lit(w, irm_gen_who(x->g, u));
		irm_gen_raw(w, ",,,", 3);
		irm_gen_stamp(w, x->a->t);
		irm_gen_raw(w, "Z,", 2);
		irm_gen_lit(w,
		    poor ? "Repeated conflicts with the team"
		         : remarks[pick(x, 4)]);
		irm_gen_chr(w, ',');
		irm_gen_lit(
		    w, poor ? "1 - Below expectations" : good[pick(x, 4)]);
		irm_gen_raw(w, ",,\n", 3);
	}
	w->records++;
}

static const char *const admin_ops[GEN_NAD] = {
    "Add member to role.", "Reset user password.", "Update user.", "Add user."};

void
irm_gen_format(const struct gen_world *g, const struct gen_act *a, uint64_t id,
    struct gen_writers *ws)
{
	struct rec x;

	x.g = g;
	x.a = a;
	x.u = &g->u[a->user];
	x.id = id;
	x.r = a->r;
	switch (a->kind) {
	case GEN_K_ALERT:
		x.w = ws->alerts;
		break;
	case GEN_K_BADGE:
		x.w = ws->badge;
		break;
	case GEN_K_HR:
		x.w = ws->hr;
		break;
	default:
		x.w = ws->audit;
	}
	irm_gen_room(x.w);
	x.w->first = 1; /* a record starts no list */
	x.site = NULL;
	set_ip(&x);
	switch (a->kind) {
	case GEN_K_LOGON:
	case GEN_K_LOGON_FAIL:
		logon(&x, a->kind == GEN_K_LOGON_FAIL);
		break;
	case GEN_K_SP:
		sharepoint(&x);
		break;
	case GEN_K_SHARE:
		share(&x);
		break;
	case GEN_K_SEND:
	case GEN_K_SENDAS:
		send(&x);
		break;
	case GEN_K_DLP:
		dlp(&x);
		break;
	case GEN_K_EP:
		endpoint(&x, a->arg);
		break;
	case GEN_K_WEB:
		x.site = irm_gen_web_site(a->arg, a->r >> 17);
		endpoint(&x,
		    (a->flags & GEN_F_UPLOAD)         ? GEN_EP_CLOUD_PERSONAL
		        : (a->flags & GEN_F_DOWNLOAD) ? GEN_EP_BROWSER
		                                      : GEN_EP_BROWSE);
		break;
	case GEN_K_ADMIN:
		directory(&x, admin_ops[a->arg], a->user,
		    (uint32_t)(a->r % g->nusers));
		break;
	case GEN_K_LABEL:
		label(&x);
		break;
	case GEN_K_ALERT:
		alert(&x);
		break;
	case GEN_K_BADGE:
		badge(&x);
		break;
	case GEN_K_HR:
		hr(&x);
		break;
	case GEN_K_DELETE:
		directory(&x, "Delete user.", g->admin, a->user);
		break;
	case GEN_K_INTRUDE:
		irm_gen_intrude(g, a, id, x.w, x.ip);
		break;
	}
}
