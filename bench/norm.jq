# norm.jq - the O365 normalization of irm-norm written in jq, as the
# reference irm-norm's speed is compared with:
#
#	jq -c -f bench/norm.jq records.jsonl
#
# It covers what the generated benchmark records need: the operation to
# irm.activity table of lib/norm_o365.c for the main operations, ECS
# category and type, @timestamp from CreationTime (parsed, not pasted),
# the lower-cased user, outcome, logon failure from ErrorNumber and
# LogonError, file, URL and domain, endpoint paths, labels, DLP rule,
# severity and ExchangeMetaData, Exchange Send subject and attachments,
# source IP without a port, host and user agent.  Empty fields are left
# out, as irm-norm leaves them out.  Written for jq 1.6.

def acts: {
  "AddedToGroup": "member_added", "AnonymousLinkCreated": "shared",
  "CompanyLinkCreated": "shared", "SharingSet": "shared",
  "SharingInvitationCreated": "shared", "DlpRuleMatch": "dlp_matched",
  "FileAccessed": "file_accessed", "FileAccessedExtended": "file_accessed",
  "FileCopiedToRemovableMedia": "usb_copied",
  "FileCreatedOnRemovableMedia": "usb_copied",
  "FileDeleted": "file_deleted", "FileRecycled": "file_deleted",
  "FileDownloaded": "file_downloaded",
  "FileDownloadedFromBrowser": "browser_downloaded",
  "FileModified": "file_modified", "FileModifiedExtended": "file_modified",
  "FilePrinted": "printed", "FileRenamed": "file_renamed",
  "FileSyncDownloadedFull": "file_synced",
  "FileSyncDownloadedPartial": "file_synced",
  "FileSyncUploadedFull": "file_uploaded", "FileUploaded": "file_uploaded",
  "FileUploadedToCloud": "cloud_uploaded", "Send": "email_sent",
  "SendAs": "email_sent", "SendOnBehalf": "email_sent",
  "UserLoggedIn": "logon", "UserLoggedOff": "logoff",
  "UserLoginFailed": "logon_failed"
};

def ecs: {
  "file_accessed": ["file", "access"], "file_downloaded": ["file", "access"],
  "file_synced": ["file", "access"], "file_uploaded": ["file", "access"],
  "file_modified": ["file", "change"], "file_renamed": ["file", "change"],
  "file_deleted": ["file", "deletion"], "usb_copied": ["file", "creation"],
  "cloud_uploaded": ["file", "access"],
  "browser_downloaded": ["file", "creation"], "printed": ["file", "access"],
  "shared": ["file", "change"], "member_added": ["iam", "group"],
  "email_sent": ["email", "info"], "logon": ["authentication", "start"],
  "logon_failed": ["authentication", "start"],
  "logoff": ["authentication", "end"], "dlp_matched": ["threat", "indicator"]
};

# Drop null, empty-string, empty-array and (after pruning) empty-object
# members, recursively.
def prune:
  if type == "object" then
    . as $o
    | reduce keys_unsorted[] as $k ({};
        ($o[$k] | prune) as $v
        | if $v == null or $v == "" or $v == [] or $v == {} then .
          else .[$k] = $v end)
  else . end;

def ts:
  sub("\\.[0-9]+$"; "") | strptime("%Y-%m-%dT%H:%M:%S") | mktime
  | strftime("%Y-%m-%dT%H:%M:%S.000Z");

def host: capture("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^/@?#]*@)?(?<h>[^/:?#]+)")
  .h | ascii_downcase;

def ext: if test("[^.]\\.[^.]+$") then sub("^.*\\."; "") | ascii_downcase
  else null end;

# "ip", "ip:port", "[ip]:port" and IPv6 as they are.
def ip:
  if . == null or . == "" then null
  elif startswith("[") then capture("^\\[(?<a>[^\\]]*)\\]").a
  elif test("^[0-9.]+:[0-9]+$") then sub(":[0-9]+$"; "")
  else . end;

def pair($n): if type == "array" then map(select(.Name == $n))[0].Value
  else null end;

def outcome: if . == "Succeeded" or . == "Success" or . == "True" then
  "success" elif . == "Failed" or . == "False" then "failure" else null end;

def sevnum: {"Low": 1, "Medium": 2, "High": 3}[.] // 0;

def files:
  (.ObjectId // "") as $o
  | if ($o | test("^https?://")) then
      {url: {full: $o, domain: ($o | host)}, path: null}
    elif ($o | test("\\\\|^/")) then {path: $o} else {} end;

. as $r
| (acts[$r.Operation] // "other") as $a0
| (if ($a0 | startswith("logon"))
     and ((($r.ErrorNumber // $r.ErrorCode // "0") != "0")
       or (($r.LogonError // "") != ""))
   then "logon_failed" else $a0 end) as $act
| ($r | files) as $f
| ($f.path // null) as $path
| ($path | if . then split("\\") | last | split("/") | last else null end)
  as $pname
| ($r.SourceFileName // $pname) as $name
| ([$r.PolicyDetails[]?.Rules[]?] ) as $rules
| ($rules | map(.Severity | sevnum) | max // 0) as $sev
| ($r.ExchangeMetaData // null) as $xm
| {
  "@timestamp": ($r.CreationTime | ts),
  event: {
    id: $r.Id, action: $r.Operation,
    category: [(ecs[$act] // ["other"])[0]],
    type: [(ecs[$act] // ["other", "info"])[1]],
    outcome: (if ($act | startswith("logon")) then
        (if $act == "logon_failed" then "failure" else "success" end)
      else ($r.ResultStatus | outcome) end),
    severity: (if $sev > 0 then $sev else null end),
    provider: $r.Workload, module: "o365", dataset: "o365.audit"
  },
  user: {name: (if $r.UserId == "DlpAgent" then $xm.From else $r.UserId end
    | ascii_downcase)},
  irm: {
    activity: $act,
    severity: (if $sev > 0 then ["low", "medium", "high"][$sev - 1]
      else null end),
    label: ($r.SensitivityLabelId
      // $r.SensitivityLabelEventData.SensitivityLabelId),
    attachments: (if $act == "email_sent" and ($r.Item.Attachments // "")
      != "" then ($r.Item.Attachments | [splits("; ?")] | length) else null
      end)
  },
  rule: {name: ($rules[0].RuleName // null)},
  file: {
    name: $name, extension: ($name | if . then ext else null end),
    directory: (if $r.SourceFileName then $r.SourceRelativeUrl
      elif $path then ($path | sub("[\\\\/][^\\\\/]*$"; "")) else null end),
    path: $path, size: ($r.FileSizeBytes // $r.FileSize),
    hash: {sha256: $r.Sha256}
  },
  url: ($f.url // (if $r.TargetUrl then {full: $r.TargetUrl,
    domain: ($r.TargetUrl | host)} else null end)),
  email: {
    from: {address: (if $xm then [$xm.From]
      elif $act == "email_sent" then [$r.SendAsUserSmtp // $r.MailboxOwnerUPN]
      else null end)},
    to: {address: $xm.To}, cc: {address: $xm.CC}, bcc: {address: $xm.BCC},
    subject: (if $xm then $xm.Subject elif $act == "email_sent" then
      $r.Item.Subject else null end)
  },
  destination: {domain: $r.TargetDomain},
  source: {ip: (($r.ClientIP | ip) // ($r.ActorIpAddress | ip)
    // ($r.ClientIPAddress | ip))},
  host: {name: ($r.DeviceName // $r.DeviceDisplayName)},
  user_agent: {original: ($r.UserAgent
    // (if ($act | startswith("logon")) then
        ($r.ExtendedProperties | pair("UserAgent")) else null end))}
}
| prune
