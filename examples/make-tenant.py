#!/usr/bin/env python3
"""make-tenant.py - write the synthetic Contoso tenant in examples/tenant/.

One month (March 2026) of a small company: ten users in eight departments,
their ordinary work on SharePoint, OneDrive, Exchange and Entra ID, and a
few stories for insider risk to find:

- adele.vance (Sales) resigns on 9 March (hr-resignations.csv).  A week
  later she downloads labelled customer files from the Sales site, copies
  them to a USB stick, renames one, uploads them to Dropbox and deletes the
  local copies.  After her last day her badge is refused at the door.
- nestor.wilke (Operations) resigns too, and does nothing unusual.
- megan.bowen (Marketing) mails a budget sheet to a competitor, with her
  personal address in CC (Exchange Send plus DLP rule matches).
- isaiah.langer (Sales) creates an inbox rule forwarding to gmail.com.
- grady.archie (Engineering) downgrades a label from Highly Confidential
  to General.
- lee.gu (Legal) shares with a guest and creates an anonymous link.

Run from anywhere (python3 examples/make-tenant.py); it writes

    tenant/audit-2026-03.jsonl   O365 Management Activity API records
    tenant/hr-resignations.csv   HR connector resignation rows
    tenant/badge.json            physical badging connector records
    directory.csv                user, department, manager, title

next to itself.  The script lives outside tenant/ so that
`irm-norm examples/tenant/*` reads only data.

Everything is derived from one seeded random generator, so a rerun writes
the same bytes.  Addresses are RFC 5737 (192.0.2.0/24, 198.51.100.0/24,
203.0.113.0/24); field names follow the audit schema (o365-api.md
sections 2 and 9).
"""

import datetime
import hashlib
import json
import os
import random
import uuid

SEED = 20260301
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "tenant")
ORG = "7a1f3c52-9d0e-4b6a-8c21-5e4f0a9b3d17"
SP = "https://contoso.sharepoint.com"
MY = "https://contoso-my.sharepoint.com"

rng = random.Random(SEED)

# Sensitivity labels, highest priority first.
LABEL = {
    "Highly Confidential": "d9f23ae3-a239-45ea-bf23-f515f824c57b",
    "Confidential": "4e6a2b91-07c3-4f5e-9a1d-8b2c6e0f7a34",
    "General": "0c3b8f5e-61a2-4d97-b4e0-2f9a7c1d5e86",
    "Public": "87ba5c36-b7cf-4793-bbc2-bd5b3a9f95ca",
}

# upn, department, manager, title, office ip, home ip, device
USERS = [
    ("patti.fernandez", "Executive", "", "Chief Executive Officer",
     "198.51.100.10", "203.0.113.10", "CONTOSO-LT-0101"),
    ("adele.vance", "Sales", "isaiah.langer", "Account Executive",
     "198.51.100.11", "203.0.113.27", "CONTOSO-LT-0142"),
    ("isaiah.langer", "Sales", "patti.fernandez", "Sales Director",
     "198.51.100.12", "203.0.113.35", "CONTOSO-LT-0117"),
    ("megan.bowen", "Marketing", "patti.fernandez", "Marketing Manager",
     "198.51.100.13", "203.0.113.48", "CONTOSO-LT-0123"),
    ("alex.wilber", "Finance", "patti.fernandez", "Financial Controller",
     "198.51.100.14", "203.0.113.52", "CONTOSO-LT-0108"),
    ("diego.siciliani", "HR", "patti.fernandez", "HR Manager",
     "198.51.100.15", "203.0.113.66", "CONTOSO-LT-0131"),
    ("grady.archie", "Engineering", "patti.fernandez", "Engineering Lead",
     "198.51.100.16", "203.0.113.71", "CONTOSO-LT-0155"),
    ("johanna.lorenz", "Engineering", "grady.archie", "Software Engineer",
     "198.51.100.17", "203.0.113.84", "CONTOSO-LT-0163"),
    ("lee.gu", "Legal", "patti.fernandez", "Corporate Counsel",
     "198.51.100.18", "203.0.113.93", "CONTOSO-LT-0170"),
    ("nestor.wilke", "Operations", "patti.fernandez", "Operations Manager",
     "198.51.100.19", "203.0.113.105", "CONTOSO-LT-0176"),
]
U = {u[0]: u for u in USERS}

SITE = {
    "Executive": "Leadership",
    "Sales": "Sales",
    "Marketing": "Marketing",
    "Finance": "Finance",
    "HR": "HR",
    "Engineering": "Engineering",
    "Legal": "Legal",
    "Operations": "Operations",
}

# File names per department: (name, label or None).
FILES = {
    "Executive": [("Board Deck March.pptx", "Highly Confidential"),
                  ("Strategy 2026.docx", "Highly Confidential"),
                  ("Leadership Offsite.docx", "General")],
    "Sales": [("Sales Playbook.pptx", "General"),
              ("Pipeline Q2.xlsx", "Confidential"),
              ("Territory Plan.docx", "Confidential"),
              ("Weekly Forecast.xlsx", "General")],
    "Marketing": [("Campaign Calendar.xlsx", "General"),
                  ("Brand Guidelines.pdf", "Public"),
                  ("Campaign Budget FY26.xlsx", "Confidential"),
                  ("Launch Plan.docx", "General")],
    "Finance": [("Budget FY26.xlsx", "Highly Confidential"),
                ("Expense Report March.xlsx", "General"),
                ("Vendor Payments.xlsx", "Confidential")],
    "HR": [("Salary Bands 2026.xlsx", "Highly Confidential"),
           ("Onboarding Checklist.docx", "General"),
           ("Open Positions.xlsx", "General")],
    "Engineering": [("Architecture Overview.docx", "Confidential"),
                    ("Release Notes 4.2.docx", "General"),
                    ("Test Plan.xlsx", "General"),
                    ("Roadmap 2026.docx", "Highly Confidential")],
    "Legal": [("NDA Template.docx", "General"),
              ("NDA Fabrikam.docx", "Confidential"),
              ("Litigation Hold.docx", "Highly Confidential")],
    "Operations": [("Shipping Schedule.xlsx", "General"),
                   ("Supplier List.xlsx", "Confidential"),
                   ("Warehouse Layout.pdf", "General")],
}
PERSONAL = ["Notes.docx", "Ideas.txt", "Draft.docx", "Meeting Notes.docx",
            "Todo.xlsx"]

UA_WEB = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) "
          "Gecko/20100101 Firefox/123.0")
UA_SYNC = ("Microsoft SkyDriveSync 24.030.0211.0002 ship; "
           "Windows NT 10.0 (22631)")

records = []


def guid():
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def ts(day, h, m, s):
    return "2026-03-%02dT%02d:%02d:%02d" % (day, h, m, s)


def at(day, h0, h1):
    """A random time on March day between hours h0 and h1."""
    return ts(day, rng.randrange(h0, h1), rng.randrange(60),
              rng.randrange(60))


def plus(t, seconds):
    d = datetime.datetime.strptime(t, "%Y-%m-%dT%H:%M:%S")
    return (d + datetime.timedelta(seconds=seconds)).strftime(
        "%Y-%m-%dT%H:%M:%S")


def upn(u):
    return u + "@contoso.com"


def puid(user):
    return hashlib.sha256(user.encode()).hexdigest()[:16].upper()


def common(t, rt, op, user, workload, ip):
    return {"Id": guid(), "RecordType": rt, "CreationTime": t,
            "Operation": op, "OrganizationId": ORG, "UserType": 0,
            "Workload": workload,
            "UserId": upn(user), "ClientIP": ip, "Version": 1}


def onedrive(user):
    return "%s/personal/%s_contoso_com" % (MY, user.replace(".", "_"))


def file_op(t, op, user, site_url, folder, name, label, ip, ua,
            workload="SharePoint"):
    """A SharePoint or OneDrive file operation (RecordType 6)."""
    r = common(t, 6, op, user, workload, ip)
    r.update({
        "ObjectId": "%s/%s/%s" % (site_url, folder, name),
        "ItemType": "File",
        "SiteUrl": site_url + "/",
        "SourceRelativeUrl": folder,
        "SourceFileName": name,
        "SourceFileExtension": name.rsplit(".", 1)[1],
        "UserAgent": ua,
    })
    if label:
        r["SensitivityLabelId"] = LABEL[label]
    records.append(r)


def logon(t, user, ip, failed=False):
    r = common(t, 15, "UserLoginFailed" if failed else "UserLoggedIn",
               user, "AzureActiveDirectory", ip)
    r["UserKey"] = "%s@contoso.com" % puid(user)
    r.update({
        "AzureActiveDirectoryEventType": 1,
        "ResultStatus": "Success",
        "ActorIpAddress": ip,
        "ObjectId": "00000003-0000-0ff1-ce00-000000000000",
        "ApplicationId": "4765445b-32c6-49b0-83e6-1d93765276ca",
        "ErrorNumber": "50126" if failed else "0",
        "ExtendedProperties": [
            {"Name": "UserAgent", "Value": UA_WEB},
            {"Name": "RequestType", "Value": "Login:login"},
            {"Name": "ResultStatusDetail", "Value": "Success"},
        ],
    })
    if failed:
        r["LogonError"] = "InvalidUserNameOrPassword"
    records.append(r)


def endpoint(t, op, user, path, label, content=None, **extra):
    """
    An Endpoint DLP activity record (RecordType 63).  Size and hash derive
    from content (the file's original name), so a copy or a renamed file
    keeps them.
    """
    u = U[user]
    name = path.rsplit("\\", 1)[1]
    digest = hashlib.sha256((content or name).encode()).hexdigest()
    r = common(t, 63, op, user, "Endpoint", "192.0.2.%d" %
               (USERS.index(u) + 20))
    r.update({
        "ObjectId": path,
        "DeviceName": u[6],
        "Platform": 1,
        "Application": extra.pop("Application", "Windows Explorer"),
        "FileExtension": name.rsplit(".", 1)[1],
        "FileSize": 20000 + int(digest[:8], 16) % 900000,
        "Sha256": digest,
        "EnforcementMode": 1,
    })
    if label:
        r["SensitivityLabelEventData"] = {"SensitivityLabelId": LABEL[label]}
    r.update(extra)
    records.append(r)


def send(t, user, subject, attachments, ip):
    """An Exchange mailbox Send record (RecordType 2): no recipients."""
    r = common(t, 2, "Send", user, "Exchange", ip)
    host = "CO1PR11MB%04d" % rng.randrange(10000)
    r.update({
        "ResultStatus": "Succeeded",
        "MailboxOwnerUPN": upn(user),
        "MailboxGuid": guid(),
        "LogonType": 0,
        "InternalLogonType": 0,
        "ExternalAccess": False,
        "ClientIPAddress": ip,
        "ClientInfoString": "Client=OWA;Action=ViaProxy",
        "OrganizationName": "contoso.onmicrosoft.com",
        "OriginatingServer": "%s (15.20.7409.015)\n" % host,
        "Item": {
            "Id": "RgAAAAD" + hashlib.sha256(subject.encode() +
                                              t.encode()).hexdigest()[:40],
            "Subject": subject,
            "ParentFolder": {"Path": "\\Sent Items"},
            "InternetMessageId": "<%s@%s.namprd11.prod.outlook.com>" %
            (hashlib.sha256(t.encode()).hexdigest()[:24].upper(), host),
            "SizeInBytes": 4000 + sum(a[1] for a in attachments),
        },
    })
    if attachments:
        r["Item"]["Attachments"] = "; ".join(
            "%s (%db)" % a for a in attachments)
    records.append(r)


# ---------------------------------------------------------------- ordinary

WORKDAYS = [d for d in range(1, 32)
            if datetime.date(2026, 3, d).weekday() < 5]
OPS = [("FileAccessed", 35), ("FileModified", 25), ("FileDownloaded", 12),
       ("FileSyncDownloadedFull", 10), ("FileUploaded", 10),
       ("Send", 8)]


def pick_op():
    n = rng.randrange(sum(w for _, w in OPS))
    for op, w in OPS:
        if n < w:
            return op
        n -= w
    return OPS[0][0]


def ordinary(user, day):
    u = U[user]
    ip = u[4] if rng.random() < 0.8 else u[5]
    if rng.random() < 0.3:
        t = at(day, 7, 9)
        if rng.random() < 0.08:
            logon(plus(t, -40), user, ip, failed=True)
        logon(t, user, ip)
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        op = pick_op()
        t = at(day, 9, 18)
        if op == "Send":
            send(t, user, rng.choice(["Status update", "Re: weekly sync",
                                      "Notes from today", "Quick question"]),
                 [], ip)
            continue
        if op == "FileUploaded" or rng.random() < 0.25:
            name = rng.choice(PERSONAL)
            file_op(t, op, user, onedrive(user), "Documents", name, None,
                    ip, UA_SYNC if "Sync" in op else UA_WEB, "OneDrive")
            continue
        dept = u[1]
        name, label = rng.choice(FILES[dept])
        file_op(t, op, user, "%s/sites/%s" % (SP, SITE[dept]),
                "Shared Documents", name, label, ip,
                UA_SYNC if "Sync" in op else UA_WEB)


for d in WORKDAYS:
    for user in U:
        if user == "adele.vance" and d > 27:
            continue
        ordinary(user, d)

# ------------------------------------------------------ the departing user

A = "adele.vance"
CUSTOMERS = [("Key Accounts 2026.xlsx", "Highly Confidential"),
             ("Pricing Model FY26.xlsx", "Highly Confidential"),
             ("Partner Discounts.xlsx", "Highly Confidential"),
             ("Contoso Customer List.csv", "Confidential"),
             ("Pipeline Q2.xlsx", "Confidential"),
             ("Renewal Terms.docx", "Confidential"),
             ("Territory Plan.docx", "Confidential"),
             ("Sales Playbook.pptx", "General")]
home = U[A][5]
logon(ts(16, 19, 2, 11), A, home)
t = ts(16, 19, 4, 37)
for name, label in CUSTOMERS:
    folder = "Shared Documents/Customers"
    if name in ("Pipeline Q2.xlsx", "Territory Plan.docx",
                "Sales Playbook.pptx"):
        folder = "Shared Documents"
    file_op(t, "FileDownloaded", A, SP + "/sites/Sales", folder, name,
            label, home, UA_WEB)
    t = plus(t, 20 + rng.randrange(90))
# Office sync of the whole Customers folder, the same evening.
for name, label in CUSTOMERS[:4]:
    t = plus(t, 3 + rng.randrange(10))
    file_op(t, "FileSyncDownloadedFull", A, SP + "/sites/Sales",
            "Shared Documents/Customers", name, label, home, UA_SYNC)

DL = "C:\\Users\\adele.vance\\Downloads\\"
USB = {"Manufacturer": "SanDisk", "Model": "Ultra USB 3.0",
       "SerialNumber": "4C530001230118112494", "Capacity": 61530439680,
       "BusType": "USB"}
t = ts(17, 20, 15, 48)
for name, label in CUSTOMERS[:6]:
    endpoint(t, "FileCopiedToRemovableMedia", A, DL + name, label,
             TargetFilePath="E:\\Contoso\\" + name,
             RemovableMediaDeviceAttributes=USB,
             DestinationLocationType=2)
    t = plus(t, 4 + rng.randrange(30))

KEY = "Key Accounts 2026.xlsx"
endpoint(ts(18, 19, 40, 12), "FileRenamed", A,
         DL + "holiday photos.xlsx", "Highly Confidential", KEY,
         PreviousFileName=KEY)
t = ts(18, 19, 47, 3)
for name, label in [("holiday photos.xlsx", "Highly Confidential"),
                    ("Pricing Model FY26.xlsx", "Highly Confidential"),
                    ("Partner Discounts.xlsx", "Highly Confidential"),
                    ("Contoso Customer List.csv", "Confidential")]:
    endpoint(t, "FileUploadedToCloud", A, DL + name, label,
             KEY if name == "holiday photos.xlsx" else None,
             Application="msedge.exe", TargetDomain="www.dropbox.com",
             TargetUrl="https://www.dropbox.com/home/Personal")
    t = plus(t, 30 + rng.randrange(120))
t = ts(19, 8, 12, 40)
for name, label in [("holiday photos.xlsx", "Highly Confidential"),
                    ("Pricing Model FY26.xlsx", "Highly Confidential"),
                    ("Partner Discounts.xlsx", "Highly Confidential"),
                    ("Contoso Customer List.csv", "Confidential")]:
    endpoint(t, "FileDeleted", A, DL + name, label,
             KEY if name == "holiday photos.xlsx" else None)
    t = plus(t, 2 + rng.randrange(5))

# ------------------------------------------------- external e-mail (Megan)


def dlp_mail(t, user, to, cc, subject, size, rule, severity):
    r = {"Id": guid(), "RecordType": 13, "CreationTime": t,
         "Operation": "DlpRuleMatch", "OrganizationId": ORG, "UserType": 4,
         "UserKey": "DlpAgent", "Workload": "Exchange", "UserId": "DlpAgent",
         "Version": 1, "SensitiveInfoDetectionIsIncluded": False}
    mid = "<%s@CO1PR11MB4310.namprd11.prod.outlook.com>" % (
        hashlib.sha256((t + subject).encode()).hexdigest()[:28].upper())
    r["ObjectId"] = mid
    r["IncidentId"] = guid()
    r["PolicyDetails"] = [{
        "PolicyId": "2f8d4a61-0b3e-4c7a-9e15-6d2b8f0c4a93",
        "PolicyName": "Contoso financial data",
        "Rules": [{
            "RuleId": "b71c0e2a-5d94-4f38-8a6e-1c3f9d2e7b05",
            "RuleName": rule, "Severity": severity, "RuleMode": "Enable",
            "Actions": ["NotifyUser", "GenerateIncidentReport"],
            "ConditionsMatched": {
                "OtherConditions": [{"Name": "AccessScope",
                                     "Value": "NotInOrganization"}],
                "SensitiveInformation": [{
                    "Count": 14, "UniqueCount": 14, "Confidence": 85,
                    "Location": "Attachment",
                    "SensitiveType": "cb353f78-2b72-4c3c-8827-92ebe4f69fdf",
                    "SensitiveInformationTypeName": "ABA Routing Number"}],
            },
        }],
    }]
    r["ExchangeMetaData"] = {
        "MessageID": mid, "From": upn(user), "To": to, "CC": cc,
        "BCC": [], "Subject": subject, "Sent": plus(t, -2),
        "RecipientCount": len(to) + len(cc), "FileSize": size,
        "UniqueID": guid()}
    records.append(r)


M = "megan.bowen"
t = ts(11, 16, 21, 5)
send(t, M, "FY26 budget - as discussed",
     [("Campaign Budget FY26.xlsx", 48213)], U[M][4])
dlp_mail(plus(t, 2), M, ["r.kim@fabrikam.com"],
         ["megan.bowen.home@outlook.com"], "FY26 budget - as discussed",
         52731, "Financial data sent outside the organization", "High")
t = ts(24, 17, 48, 30)
send(t, M, "Vendor payments Q1",
     [("Vendor Payments.xlsx", 61877), ("Launch Plan.docx", 23110)],
     U[M][5])
dlp_mail(plus(t, 1), M, ["r.kim@fabrikam.com"], [], "Vendor payments Q1",
         89621, "Financial data sent outside the organization", "High")

# --------------------------------------------- inbox rule to gmail (Isaiah)

I = "isaiah.langer"
r = common(ts(5, 21, 33, 9), 1, "New-InboxRule", I, "Exchange",
           "203.0.113.35:51432")
r.update({
    "ResultStatus": "True",
    "UserType": 2,
    "ObjectId": "NAMPR11A003.prod.outlook.com/Microsoft Exchange Hosted "
                "Organizations/contoso.onmicrosoft.com/isaiah.langer\\"
                "Keep a copy",
    "OrganizationName": "contoso.onmicrosoft.com",
    "OriginatingServer": "CO1PR11MB5171 (15.20.7409.015)",
    "ExternalAccess": False,
    "Parameters": [
        {"Name": "Name", "Value": "Keep a copy"},
        {"Name": "ForwardTo", "Value": "isaiah.langer77@gmail.com"},
        {"Name": "StopProcessingRules", "Value": "False"},
        {"Name": "AlwaysDeleteOutlookRulesBlob", "Value": "False"},
    ],
})
records.append(r)

# ------------------------------------------------- label downgrade (Grady)

G = "grady.archie"
r = common(ts(13, 10, 17, 44), 94, "SensitivityLabelUpdated", G, "Aip",
           U[G][4])
r.update({
    "ObjectId": SP + "/sites/Engineering/Shared Documents/Roadmap 2026.docx",
    "Common": {"ApplicationId": "c00e9d32-3c8d-4a7d-832b-029040e7db99",
               "ApplicationName": "Microsoft Word", "ProcessName": "WINWORD",
               "Platform": 1, "DeviceName": U[G][6],
               "Location": "SharePoint", "ProductVersion": "16.0.17328"},
    "DataState": "Use",
    "SensitivityLabelEventData": {
        "SensitivityLabelId": LABEL["General"],
        "OldSensitivityLabelId": LABEL["Highly Confidential"],
        "LabelEventType": 2, "ActionSource": 3,
        "JustificationText": "Previous label no longer applies"},
})
records.append(r)

# --------------------------------------------------------- sharing (Lee)

L = "lee.gu"


def sharing(t, op, user, site_url, folder, name, target=None, ttype=None,
            event_data=None, workload="SharePoint"):
    r = common(t, 14, op, user, workload, U[user][4])
    r.update({
        "ObjectId": "%s/%s/%s" % (site_url, folder, name),
        "ItemType": "File", "SiteUrl": site_url + "/",
        "SourceRelativeUrl": folder, "SourceFileName": name,
        "SourceFileExtension": name.rsplit(".", 1)[1], "UserAgent": UA_WEB,
        "UniqueSharingId": guid()})
    if target:
        r["TargetUserOrGroupName"] = target
        r["TargetUserOrGroupType"] = ttype
    if event_data:
        r["EventData"] = event_data
    records.append(r)


sharing(ts(12, 14, 3, 51), "SharingSet", L, SP + "/sites/Legal",
        "Shared Documents", "NDA Fabrikam.docx",
        "counsel_fabrikam.com#ext#@contoso.onmicrosoft.com", "Guest",
        "<Permissions granted>Edit</Permissions granted>")
t = ts(20, 11, 26, 8)
sharing(t, "AnonymousLinkCreated", L, onedrive(L), "Documents",
        "Contract draft v3.docx", event_data="<Type>View</Type>",
        workload="OneDrive")
link = "SharingLinks.%s.AnonymousView.%s" % (guid(), guid())
sharing(plus(t, 1), "SharingSet", L, onedrive(L), "Documents",
        "Contract draft v3.docx", link, "SharePointGroup",
        "<Permissions granted>Limited View</Permissions granted>",
        workload="OneDrive")
# An internal share, for contrast.
sharing(ts(4, 9, 41, 27), "SharingSet", "alex.wilber", SP + "/sites/Finance",
        "Shared Documents", "Budget FY26.xlsx", upn("patti.fernandez"),
        "Member", "<Permissions granted>Read</Permissions granted>")

# ----------------------------------------------- endpoint rename (Johanna)

J = "johanna.lorenz"
endpoint(ts(10, 15, 2, 19), "FileRenamed", J,
         "C:\\Users\\johanna.lorenz\\Documents\\Spec v2.docx", "General",
         PreviousFileName="draft-spec.docx")

# ------------------------------------------------------------------ write

records.sort(key=lambda r: (r["CreationTime"], r["Id"]))
with open(os.path.join(OUT, "audit-2026-03.jsonl"), "w") as f:
    for r in records:
        f.write(json.dumps(r, separators=(",", ":")) + "\n")

with open(os.path.join(OUT, "hr-resignations.csv"), "w") as f:
    f.write("EmailAddress,ResignationDate,LastWorkingDate\n")
    f.write("adele.vance@contoso.com,2026-03-09T09:30:00Z,"
            "2026-03-27T17:00:00Z\n")
    f.write("nestor.wilke@contoso.com,2026-03-20T14:00:00Z,"
            "2026-04-17T17:00:00Z\n")

ASSETS = [("HQ-MAIN-1", "Headquarters Main Entrance"),
          ("HQ-GAR-2", "Headquarters Garage"),
          ("HQ-DC-1", "Headquarters Data Center")]
badges = []
for d in WORKDAYS:
    for user in U:
        if user == A and d > 27:
            continue
        if rng.random() < 0.3:
            asset = ASSETS[0] if rng.random() < 0.7 else ASSETS[1]
            status = "Success" if rng.random() < 0.97 else "Failed"
            badges.append((at(d, 7, 9), upn(user), asset, status))
for t, asset in [(ts(19, 21, 8, 15), ASSETS[2]), (ts(30, 7, 52, 40),
                                                  ASSETS[0]),
                 (ts(30, 7, 53, 2), ASSETS[0]), (ts(31, 8, 5, 19),
                                                 ASSETS[1])]:
    badges.append((t, upn(A), asset, "Failed"))
badges.append((ts(10, 22, 30, 4), upn("grady.archie"), ASSETS[2], "Success"))
badges.sort()
with open(os.path.join(OUT, "badge.json"), "w") as f:
    f.write("[\n")
    f.write(",\n".join(
        json.dumps({"UserId": u, "AssetId": a[0], "AssetName": a[1],
                    "EventTime": t, "AccessStatus": s},
                   separators=(",", ":")) for t, u, a, s in badges))
    f.write("\n]\n")

with open(os.path.join(HERE, "directory.csv"), "w") as f:
    f.write("user,department,manager,title\n")
    for u in USERS:
        f.write("%s,%s,%s,%s\n" % (upn(u[0]), u[1],
                                  upn(u[2]) if u[2] else "", u[3]))
