/*
 * gen_intrude.c - the records of irm-gen's compromised-account scenario
 * that no ordinary act makes: an intruder's inbox rules (Exchange
 * New-InboxRule) that hide mail about the intrusion, and an anonymous
 * link to the victim's OneDrive file opened from the intruder's address
 * (SharePoint AnonymousLinkUsed).  The intruder's sign-ins and password
 * resets are ordinary logon and directory records with the intruder's
 * address and user agent (GEN_F_INTRUDER, gen_o365.c).  Addresses are in
 * the RFC 3849 documentation range.
 */
#include <stdio.h>
#include <string.h>

#include "irm.h"
#include "gen_int.h"

const char irm_gen_intruder_agent[] =
    "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 "
    "Firefox/115.0";

void
irm_gen_intruder_ip(uint64_t r, char *out, size_t n)
{
	snprintf(out, n, "2001:db8:7a3c:51::%x", (unsigned)(r % 200 + 16));
}

static void
head(struct gen_out *w, const struct gen_act *a, uint64_t id, const char *op,
    int type, const char *workload, const char *userid, const char *key)
{
	irm_gen_open(w, NULL, '{');
	irm_gen_time(w, "CreationTime", a->t, -1);
	irm_gen_guid(w, "Id", irm_gen_mix(id), irm_gen_mix(id ^ 0xa5a5));
	irm_gen_str(w, "Operation", op);
	irm_gen_str(w, "OrganizationId", GEN_TENANT);
	irm_gen_num(w, "RecordType", type);
	irm_gen_str(w, "UserKey", key);
	irm_gen_num(w, "UserType", type == 14 ? 10 : 0);
	irm_gen_num(w, "Version", 1);
	irm_gen_str(w, "Workload", workload);
	irm_gen_str(w, "UserId", userid);
}

static void
end(struct gen_out *w)
{
	irm_gen_close(w, '}');
	irm_gen_chr(w, '\n');
	w->records++;
}

/* The rule's name: what a mailbox's owner would not look twice at. */
static void
inbox_rule(const struct gen_world *g, const struct gen_act *a, uint64_t id,
    struct gen_out *w, const char *ip)
{
	const struct gen_user *u = &g->u[a->user];
	int rss = a->arg == GEN_IN_RULE_RSS;
	const char *name = rss ? ".." : "Security notices";
	char key[64], obj[128];

	snprintf(key, sizeof(key), "1003%012llX",
	    (unsigned long long)(irm_gen_mix(a->user + 99) &
	        0xffffffffffffULL));
	snprintf(obj, sizeof(obj), "%s\\%s", u->upn, name);
	head(w, a, id, "New-InboxRule", 1, "Exchange", u->upn, key);
	irm_gen_str(w, "ResultStatus", "True");
	irm_gen_str(w, "ClientIP", ip);
	irm_gen_str(w, "ObjectId", obj);
	irm_gen_bool(w, "ExternalAccess", 0);
	irm_gen_str(w, "OrganizationName", "contoso.onmicrosoft.com");
	irm_gen_open(w, "Parameters", '[');
	irm_gen_pair(w, "Name", name);
	if (rss) {
		irm_gen_pair(w, "From", "it-helpdesk@contoso.com");
		irm_gen_pair(w, "MoveToFolder", "RSS Feeds");
		irm_gen_pair(w, "MarkAsRead", "True");
	} else {
		irm_gen_pair(w, "SubjectOrBodyContainsWords",
		    "password;reset;unusual sign-in;security");
		irm_gen_pair(w, "DeleteMessage", "True");
	}
	irm_gen_pair(w, "StopProcessingRules", "True");
	irm_gen_close(w, ']');
	irm_gen_guid(w, "SessionId", irm_gen_mix(a->r), irm_gen_mix(a->r + 1));
	end(w);
}

/* The victim's OneDrive file, opened by an anonymous link. */
static void
anon_used(const struct gen_world *g, const struct gen_act *a, uint64_t id,
    struct gen_out *w, const char *ip)
{
	const struct gen_user *u = &g->u[a->user];
	const char *folder = irm_gen_file_folder(a->file);
	char anon[64], od[48], site[160], obj[400], name[96];
	const char *dot;
	size_t i;

	for (i = 0; u->local[i] && i + 1 < sizeof(od); i++)
		od[i] = u->local[i] == '.' ? '_' : u->local[i];
	od[i] = '\0';
	snprintf(site, sizeof(site),
	    "https://contoso-my.sharepoint.com/personal/%s_contoso_com/", od);
	irm_gen_file_name(a->file, 0, name, sizeof(name));
	snprintf(obj, sizeof(obj), "%s%s/%s", site, folder, name);
	snprintf(anon, sizeof(anon), "urn:spo:anon#%016llx",
	    (unsigned long long)irm_gen_mix(a->r ^ 0xa707));
	head(w, a, id, "AnonymousLinkUsed", 14, "OneDrive", anon, anon);
	irm_gen_str(w, "ClientIP", ip);
	irm_gen_str(w, "ObjectId", obj);
	irm_gen_guid(
	    w, "CorrelationId", irm_gen_mix(a->r + 2), irm_gen_mix(a->r + 3));
	irm_gen_str(w, "EventSource", "SharePoint");
	irm_gen_str(w, "ItemType", "File");
	irm_gen_str(w, "UserAgent", irm_gen_intruder_agent);
	dot = strrchr(name, '.');
	irm_gen_str(w, "SourceFileExtension", dot ? dot + 1 : "");
	irm_gen_str(w, "SiteUrl", site);
	irm_gen_str(w, "SourceFileName", name);
	irm_gen_str(w, "SourceRelativeUrl", folder);
	irm_gen_str(w, "EventData", "<Type>View</Type>");
	end(w);
}

void
irm_gen_intrude(const struct gen_world *g, const struct gen_act *a, uint64_t id,
    struct gen_out *w, const char *ip)
{
	if (a->arg == GEN_IN_ANON_USED)
		anon_used(g, a, id, w, ip);
	else
		inbox_rule(g, a, id, w, ip);
}
