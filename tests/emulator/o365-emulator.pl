#!/usr/bin/perl
# o365-emulator.pl - an emulator of the Office 365 Management Activity API,
# its OAuth2 token endpoint and the Graph audit resources, for the
# irm-fetch tests.  Core Perl modules only.
#
#   perl o365-emulator.pl gen DIR SEED START HOURS [LATE_EVERY LATE_HOURS]
#	Write DIR/content.json (the blobs: type, id, created, visible,
#	records) and DIR/records.jsonl (every record, compact, one a line:
#	what a full fetch must write).  Every LATE_EVERY-th blob becomes
#	visible LATE_HOURS after its creation time.
#   perl o365-emulator.pl gen-graph DIR SEED START HOURS [LATE_EVERY LATE_HOURS]
#	Write DIR/graph.json and DIR/graph-records.jsonl likewise for the
#	Graph resources directoryAudits, signIns and alerts_v2.
#   perl o365-emulator.pl serve DIR
#	Listen on 127.0.0.1 on a free port, written to DIR/port.  Reads
#	DIR/config.json ({"tenant","client_id","secret","publisher",
#	"token_ttl","page_size","delay_ms"}), DIR/content.json, DIR/graph.json (Graph
#	records, optional), DIR/now (the emulated clock in epoch seconds,
#	read at each request; the real clock when absent) and DIR/faults.
#	Logs each request to DIR/requests.log as "METHOD PATH?QUERY STATUS".
#
# It is also an HTTP proxy, for the --proxy tests: a request whose target
# is in absolute form ("GET http://HOST:PORT/path HTTP/1.1") is answered
# as if HOST:PORT were the emulator (the URIs it hands out name that
# origin) and is logged with the target as sent; "CONNECT 127.0.0.1:PORT"
# is logged and tunnelled to that port.
#
# DIR/faults holds one fault a line, "KIND ROUTE [SKIP]"; the first line
# whose ROUTE matches a request (token, list, start, content, blob, graph
# or any) lets SKIP matching requests pass, then fires once and is
# removed.  KIND is 429 (with Retry-After: 3),
# af429 (403 with the AF429 body), 500, 401 (the AF401 answer to a token
# that is not accepted), clock+N (the emulated clock in DIR/now moves N
# seconds ahead before the request is answered), drop (half the body, then the
# connection closes), truncate (a 200 whose JSON is cut in half, with a
# matching Content-Length), stall (part of the body, then silence for 10
# seconds), expire (every token issued so far stops being valid), echo (a
# 400 whose error message is the request body and its Authorization
# header, as a careless service echoes a request) or echo200 (a 200 whose
# body is not JSON but that same echo).
#
# Checks that make a client fail loudly: the tenant in the URL, a bearer
# token that is known and not expired, PublisherIdentifier on every API
# call, content windows of at most 24 hours starting no more than 7 days
# back, a started subscription before listing, and blobs that have not
# expired.
use strict;
use warnings;
use IO::Select;
use IO::Socket::INET;
use JSON::PP;
use Time::Local qw(timegm);
use POSIX qw(strftime);

my $json = JSON::PP->new->canonical->utf8;
my @TYPES = qw(Audit.AzureActiveDirectory Audit.Exchange Audit.SharePoint
    Audit.General DLP.All);

sub slurp {
	my ($f) = @_;
	open(my $fh, '<', $f) or return undef;
	local $/;
	my $s = <$fh>;
	close $fh;
	return $s;
}

sub spew {
	my ($f, $s) = @_;
	open(my $fh, '>', "$f.tmp") or die "$f.tmp: $!";
	print $fh $s;
	close $fh or die "$f.tmp: $!";
	rename("$f.tmp", $f) or die "$f: $!";
}

sub iso {
	my ($t) = @_;
	return strftime('%Y-%m-%dT%H:%M:%S', gmtime($t));
}

# ---------------------------------------------------------------------
# gen

sub gen {
	my ($dir, $seed, $start, $hours, $late_every, $late_hours) = @_;
	$late_every ||= 0;
	$late_hours ||= 0;
	srand($seed);
	my (@blobs, @lines);
	my $n = 0;
	my @ops = (['Audit.AzureActiveDirectory', 15, 'UserLoggedIn',
		'AzureActiveDirectory'],
	    ['Audit.Exchange', 2, 'MailItemsAccessed', 'Exchange'],
	    ['Audit.SharePoint', 6, 'FileDownloaded', 'SharePoint'],
	    ['Audit.General', 25, 'MessageSent', 'MicrosoftTeams'],
	    ['DLP.All', 11, 'DlpRuleMatch', 'SharePoint']);
	for my $h (0 .. $hours - 1) {
		for my $op (@ops) {
			my ($type, $rt, $name, $wl) = @$op;
			next if rand() < 0.3;
			$n++;
			my $created = $start + $h * 3600 + int(rand(3600));
			my $visible = $created + int(rand(600));
			$visible = $created + $late_hours * 3600
			    if $late_every && $n % $late_every == 0;
			my @recs;
			for my $i (1 .. 1 + int(rand(4))) {
				my $id = sprintf('%08x-%04x-4%03x-8%03x-%012x',
				    int(rand(2**32)), $n, $i, int(rand(4096)),
				    int(rand(2**40)));
				push @recs, {
				    Id => $id,
				    CreationTime => iso($created - int(rand(7200))),
				    RecordType => $rt,
				    Operation => $name,
				    Workload => $wl,
				    OrganizationId => 'f28ab78a-d401-4060-8012-736e373933eb',
				    UserId => sprintf('user%d@contoso.com', int(rand(20))),
				    ClientIP => '203.0.113.' . int(rand(250)),
				    ObjectId => "https://contoso.sharepoint.com/sites/s$n/Doc $i.docx",
				    Score => 1.5,
				    Note => "caf\x{e9} \"q\" \\ \t tab",
				    ExtendedProperties => [{Name => 'UserAgent',
					Value => 'Mozilla/5.0 (X11)'}],
				};
				push @lines, $json->encode($recs[-1]);
			}
			my $cid = sprintf('%d$%d$%s$%s$%04d', $created, $created,
			    lc($type), 'emu', $n);
			push @blobs, {type => $type, id => $cid,
			    created => $created, visible => $visible,
			    records => \@recs};
		}
	}
	spew("$dir/content.json", $json->encode(\@blobs));
	spew("$dir/records.jsonl", join('', map { "$_\n" } @lines));
}

# Graph records: a few an hour per resource, every LATE_EVERY-th visible
# LATE_HOURS after its time.
sub gen_graph {
	my ($dir, $seed, $start, $hours, $late_every, $late_hours) = @_;
	srand($seed);
	my (@recs, @lines);
	my $n = 0;
	for my $h (0 .. $hours - 1) {
		for my $res (qw(directoryAudits signIns alerts_v2)) {
			for (1 .. 1 + int(rand(3))) {
				$n++;
				my $t = $start + $h * 3600 + int(rand(3600));
				my $field = $res eq 'directoryAudits'
				    ? 'activityDateTime' : 'createdDateTime';
				my %r = (id => sprintf('%s-%06d-%04x', $res, $n,
				    int(rand(65536))),
				    $field => iso($t) . 'Z',
				    userPrincipalName => 'user' . int(rand(9)) . '@contoso.com',
				    status => {errorCode => 0}, score => 0.25);
				push @lines, $json->encode(\%r);
				$r{resource} = $res;
				$r{visible} = $late_every && $n % $late_every == 0
				    ? $t + $late_hours * 3600 : $t;
				push @recs, \%r;
			}
		}
	}
	spew("$dir/graph.json", $json->encode(\@recs));
	spew("$dir/graph-records.jsonl", join('', map { "$_\n" } @lines));
}

# ---------------------------------------------------------------------
# serve

my ($dir, $port, %cfg, @blobs, @graph, %tokens, %subs, @children);
# The origin the current request was addressed to.
my $origin;

sub now {
	my $t = slurp("$dir/now");
	return defined $t && $t =~ /^(\d+)/ ? $1 : time;
}

sub take_fault {
	my ($route) = @_;
	my $s = slurp("$dir/faults");
	return undef unless defined $s && length $s;
	my @l = split /\n/, $s;
	for my $i (0 .. $#l) {
		my ($kind, $r, $skip) = split ' ', $l[$i];
		next unless defined $r && ($r eq $route || $r eq 'any');
		if ($skip) {
			$l[$i] = "$kind $r " . ($skip - 1);
			spew("$dir/faults", join('', map { "$_\n" } @l));
			return undef;
		}
		splice @l, $i, 1;
		spew("$dir/faults", join('', map { "$_\n" } @l));
		return $kind;
	}
	return undef;
}

sub unesc {
	my ($s) = @_;
	$s =~ tr/+/ /;
	$s =~ s/%([0-9A-Fa-f]{2})/chr(hex($1))/ge;
	return $s;
}

sub form {
	my %f;
	for (split /&/, $_[0] // '') {
		my ($k, $v) = split /=/, $_, 2;
		$f{unesc($k)} = unesc($v // '');
	}
	return \%f;
}

sub parse_time {
	my ($s) = @_;
	return undef unless defined $s &&
	    $s =~ /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d))?)?Z?$/;
	return timegm($6 // 0, $5 // 0, $4 // 0, $3, $2 - 1, $1);
}

sub err_body {
	my ($code, $msg) = @_;
	return $json->encode({error => {code => $code, message => $msg}});
}

# Send a response, applying the fault (if any) to it.
sub respond {
	my ($c, $status, $body, $hdrs, $fault) = @_;
	$hdrs ||= [];
	my $full = length $body;
	my $send = $body;
	if (defined $fault && $fault eq 'truncate') {
		$send = substr($body, 0, int($full / 2));
		$full = length $send;
	}
	my %reason = (200 => 'OK', 400 => 'Bad Request', 401 => 'Unauthorized',
	    403 => 'Forbidden', 404 => 'Not Found', 429 => 'Too Many Requests',
	    500 => 'Internal Server Error');
	my $h = "HTTP/1.1 $status " . ($reason{$status} // 'Status') . "\r\n" .
	    "Content-Type: application/json; charset=utf-8\r\n" .
	    "Content-Length: $full\r\nConnection: close\r\n";
	$h .= "$_\r\n" for @$hdrs;
	$h .= "\r\n";
	if (defined $fault && ($fault eq 'drop' || $fault eq 'stall')) {
		print $c $h . substr($send, 0, int(length($send) / 2));
		if ($fault eq 'stall') {
			my $pid = fork();
			if (defined $pid && $pid == 0) {
				sleep 10;
				POSIX::_exit(0);
			}
			push @children, $pid if $pid;
		}
		return;
	}
	print $c $h . $send;
}

sub log_req {
	my ($m, $target, $status) = @_;
	open(my $fh, '>>', "$dir/requests.log") or return;
	print $fh "$m $target $status\n";
	close $fh;
}

sub token_endpoint {
	my ($tenant, $v2, $body) = @_;
	my $f = form($body);
	my $trail = "\r\nTrace ID: 0000\r\nCorrelation ID: 0000\r\nTimestamp: " .
	    iso(now()) . 'Z';
	return (400, $json->encode({error => 'invalid_request',
	    error_description => "AADSTS90002: Tenant '$tenant' not found.$trail",
	    error_codes => [90002]})) if $tenant ne $cfg{tenant};
	return (400, $json->encode({error => 'unsupported_grant_type',
	    error_description => "AADSTS70003: The app requested an unsupported grant type.$trail"}))
	    unless ($f->{grant_type} // '') eq 'client_credentials';
	return (400, $json->encode({error => 'unauthorized_client',
	    error_description => "AADSTS700016: Application with identifier '" .
	    ($f->{client_id} // '') . "' was not found in the directory.$trail",
	    error_codes => [700016]}))
	    unless ($f->{client_id} // '') eq $cfg{client_id};
	return (401, $json->encode({error => 'invalid_client',
	    error_description => 'AADSTS7000215: Invalid client secret provided. ' .
	    "Ensure the secret being sent in the request is the client secret value.$trail",
	    error_codes => [7000215]}))
	    unless ($f->{client_secret} // '') eq $cfg{secret};
	return (400, $json->encode({error => 'invalid_request',
	    error_description => "AADSTS900144: The request body must contain the parameter '" .
	    ($v2 ? 'scope' : 'resource') . "'.$trail"}))
	    unless defined($v2 ? $f->{scope} : $f->{resource});
	my $tok = sprintf('emu-token-%d-%08x', scalar(keys %tokens) + 1,
	    int(rand(2**32)));
	my $ttl = $cfg{token_ttl} // 3599;
	$tokens{$tok} = time + $ttl;
	if (open(my $tf, '>>', "$dir/tokens")) {
		print $tf "$tok\n";
		close $tf;
	}
	return (200, $v2
	    ? $json->encode({token_type => 'Bearer', expires_in => $ttl + 0,
		ext_expires_in => $ttl + 0, access_token => $tok})
	    : $json->encode({token_type => 'Bearer', expires_in => "$ttl",
		expires_on => '' . (time + $ttl), not_before => '' . time,
		resource => $f->{resource}, access_token => $tok}));
}

sub authorized {
	my ($h) = @_;
	my $a = $h->{authorization} // '';
	return 0 unless $a =~ /^Bearer (\S+)$/;
	return exists $tokens{$1} && $tokens{$1} > time;
}

sub content_list {
	my ($q) = @_;
	my $type = $q->{contentType} // '';
	return (400, err_body('AF20020', 'The specified content type is not valid.'))
	    unless grep { $_ eq $type } @TYPES;
	return (400, err_body('AF20022', 'No subscription found for the specified content type'))
	    unless $subs{$type};
	my $now = now();
	my ($s, $e) = (parse_time($q->{startTime}), parse_time($q->{endTime}));
	return (400, err_body('AF20055', 'Start time and end time must both be specified (or both omitted) and must be less than or equal to 24 hours apart, with the start time no more than 7 days in the past.'))
	    if defined($q->{startTime}) != defined($q->{endTime}) ||
	    (defined $q->{startTime} && (!defined $s || !defined $e));
	($s, $e) = ($now - 86400, $now) unless defined $s;
	return (400, err_body('AF20055', 'Start time and end time must both be specified (or both omitted) and must be less than or equal to 24 hours apart, with the start time no more than 7 days in the past.'))
	    if $e - $s > 86400 || $s < $now - 7 * 86400 || $e <= $s;
	my @hits = sort { $a->{created} <=> $b->{created} || $a->{id} cmp $b->{id} }
	    grep { $_->{type} eq $type && $_->{created} >= $s &&
		$_->{created} < $e && $_->{visible} <= $now } @blobs;
	my $off = $q->{nextPage} // 0;
	return (400, err_body('AF20031', 'Invalid nextPage Input: ' . $off))
	    unless $off =~ /^\d+$/;
	my $size = $cfg{page_size} // 3;
	my @page = grep { defined } @hits[$off .. $off + $size - 1];
	my @h;
	if ($off + $size < @hits) {
		push @h, "NextPageUri: $origin/api/v1/$cfg{tenant}" .
		    "/activity/feed/subscriptions/content?contentType=$type" .
		    "&startTime=$q->{startTime}&endTime=$q->{endTime}" .
		    '&nextPage=' . ($off + $size) if defined $q->{startTime};
	}
	my @out = map { {contentType => $_->{type}, contentId => $_->{id},
	    contentUri => "$origin/api/v1.0/$cfg{tenant}/activity/feed/audit/$_->{id}",
	    contentCreated => iso($_->{created}) . '.000Z',
	    contentExpiration => iso($_->{created} + 7 * 86400) . '.000Z'} } @page;
	return (200, $json->encode(\@out), \@h);
}

sub blob {
	my ($id) = @_;
	my ($b) = grep { $_->{id} eq $id } @blobs;
	return (404, err_body('AF20050', 'The specified content does not exist.'))
	    unless $b && $b->{visible} <= now();
	return (400, err_body('AF20051', "Content requested with the key $id has already expired."))
	    if $b->{created} + 7 * 86400 <= now();
	# Pretty-printed, as real blobs can be: the client must cut lines.
	return (200, JSON::PP->new->canonical->utf8->pretty->encode($b->{records}));
}

sub graph {
	my ($res, $q) = @_;
	my $field = $res eq 'directoryAudits' ? 'activityDateTime' : 'createdDateTime';
	my $f = $q->{'$filter'} // '';
	my ($ge, $lt) = $f =~ /^$field ge (\S+) and $field lt (\S+)$/;
	return (400, err_body('BadRequest', "Invalid filter clause: $f"))
	    unless defined $ge && defined $lt;
	my @hits = sort { $a->{$field} cmp $b->{$field} || $a->{id} cmp $b->{id} }
	    grep { $_->{resource} eq $res && $_->{$field} ge $ge && $_->{$field} lt $lt &&
		($_->{visible} // 0) <= now() } @graph;
	my $off = $q->{'$skiptoken'} // 0;
	my $size = $cfg{page_size} // 3;
	my @page = map { my %r = %$_; delete @r{qw(resource visible)}; \%r }
	    grep { defined } @hits[$off .. $off + $size - 1];
	my $path = $res eq 'alerts_v2' ? 'security' : 'auditLogs';
	my %body = ('@odata.context' => "https://graph.microsoft.com/v1.0/\$metadata#$res",
	    value => \@page);
	$body{'@odata.nextLink'} = "$origin/v1.0/$path/$res?\$filter=" .
	    join('%20', split / /, $f) . '&$skiptoken=' . ($off + $size)
	    if $off + $size < @hits;
	return (200, $json->encode(\%body));
}

sub route {
	my ($m, $path, $q, $h, $body) = @_;
	if ($m eq 'POST' && $path =~ m{^/([^/]+)/oauth2/(v2\.0/)?token$}) {
		return ('token', token_endpoint($1, $2, $body));
	}
	if ($path =~ m{^/pages/(\d+)$}) {
		# A plain endpoint paged by Link headers, for irm-fetch url.
		my $p = $1;
		my @h = $p < 3 ? ('Link: </pages/' . ($p + 1) . '>; rel="next"') : ();
		return ('pages', 401, err_body('Unauthorized', 'no bearer token'))
		    unless authorized($h);
		return ('pages', 200, "[{\"page\": $p, \"n\": 1.50},\n {\"page\": $p, \"n\": 2e3}]", \@h);
	}
	if ($path =~ m{^/v1\.0/(?:auditLogs|security)/(directoryAudits|signIns|alerts_v2)$}) {
		return ('graph', 401, err_body('InvalidAuthenticationToken',
		    'Access token has expired or is not yet valid.'))
		    unless authorized($h);
		return ('graph', graph($1, $q));
	}
	return ('any', 404, err_body('NotFound', 'no such route'))
	    unless $path =~ m{^/api/v1(?:\.0)?/([^/]+)/activity/feed/(.*)$};
	my ($tenant, $op) = ($1, $2);
	my $r = $op =~ /^subscriptions\/list/ ? 'list'
	    : $op =~ /^subscriptions\/start/ ? 'start'
	    : $op =~ /^subscriptions\/content/ ? 'content'
	    : $op =~ /^audit\// ? 'blob' : 'any';
	return ($r, 400, err_body('AF20010', 'The tenant ID passed in the URL does not match the tenant ID passed in the access token.'))
	    if $tenant ne $cfg{tenant};
	return ($r, 401, err_body('AF401', 'Authorization has been denied for this request.'))
	    unless authorized($h);
	return ($r, 400, err_body('AF20001', 'Missing parameter: PublisherIdentifier (the emulator requires it on every call).'))
	    unless ($q->{PublisherIdentifier} // '') eq $cfg{publisher};
	if ($r eq 'list' && $m eq 'GET') {
		return ($r, 200, $json->encode([map {
		    {contentType => $_, status => 'enabled', webhook => undef} }
		    grep { $subs{$_} } @TYPES]));
	}
	if ($r eq 'start' && $m eq 'POST') {
		my $t = $q->{contentType} // '';
		return ($r, 400, err_body('AF20020', 'The specified content type is not valid.'))
		    unless grep { $_ eq $t } @TYPES;
		$subs{$t} = 1;
		spew("$dir/subscriptions", join("\n", sort keys %subs) . "\n");
		return ($r, 200, $json->encode({contentType => $t, status => 'enabled',
		    webhook => undef}));
	}
	return ($r, content_list($q)) if $r eq 'content' && $m eq 'GET';
	return ($r, blob(unesc($1))) if $op =~ m{^audit/([^?]+)$} && $m eq 'GET';
	return ($r, 404, err_body('NotFound', 'no such operation'));
}

sub fault_response {
	my ($kind, $body, $h) = @_;
	my $echo = "you sent: $body; auth: " . ($h->{authorization} // '');
	return (400, err_body('AF400', $echo)) if $kind eq 'echo';
	return (200, $echo) if $kind eq 'echo200';
	return (429, err_body('AF429', 'Too many requests. Method=GetBlob, PublisherId=emulator'),
	    ['Retry-After: 3']) if $kind eq '429';
	return (403, err_body('AF429', 'Too many requests. Method=GetBlob, PublisherId=emulator'))
	    if $kind eq 'af429';
	return (500, err_body('AF50000', 'An internal server error occurred. Retry the request.'))
	    if $kind eq '500';
	return (401, err_body('AF401', 'Authorization has been denied for this request.'))
	    if $kind eq '401';
	return ();
}

sub serve_one {
	my ($c) = @_;
	local $SIG{ALRM} = sub { die "timeout\n" };
	alarm 10;
	my $line = <$c>;
	return unless defined $line;
	my ($m, $target) = $line =~ /^(\S+) (\S+) HTTP/ or return;
	my %h;
	while (defined(my $l = <$c>)) {
		$l =~ s/\r?\n$//;
		last if $l eq '';
		my ($k, $v) = split /:\s*/, $l, 2;
		$h{lc $k} = $v;
	}
	my $body = '';
	read($c, $body, $h{'content-length'}) if $h{'content-length'};
	alarm 0;
	return tunnel($c, $target) if $m eq 'CONNECT';
	$origin = "http://127.0.0.1:$port";
	my $rel = $target;
	$origin = $1 if $rel =~ s{^(https?://[^/?]+)}{};
	$rel = "/$rel" unless $rel =~ m{^/};
	my ($path, $qs) = split /\?/, $rel, 2;
	my $q = form($qs);
	my $rname = $path =~ m{/oauth2/} ? 'token'
	    : $path =~ m{^/v1\.0/} ? 'graph'
	    : $path =~ m{subscriptions/list} ? 'list'
	    : $path =~ m{subscriptions/start} ? 'start'
	    : $path =~ m{subscriptions/content} ? 'content'
	    : $path =~ m{/audit/} ? 'blob' : 'any';
	my $fault = take_fault($rname);
	%tokens = () if defined $fault && $fault eq 'expire';
	if (defined $fault && $fault =~ /^clock\+(\d+)$/) {
		spew("$dir/now", (now() + $1) . "\n");
		$fault = undef;
	}
	my ($status, $resp, $hdrs);
	my @fr = defined $fault ? fault_response($fault, $body, \%h) : ();
	if (@fr) {
		($status, $resp, $hdrs) = @fr;
		$fault = undef;
	} else {
		(undef, $status, $resp, $hdrs) = route($m, $path, $q, \%h, $body);
	}
	log_req($m, $target, $status . (defined $fault ? " $fault" : ''));
	select(undef, undef, undef, $cfg{delay_ms} / 1000)
	    if $cfg{delay_ms} && $rname eq 'blob';
	respond($c, $status, $resp, $hdrs, $fault);
}

# CONNECT HOST:PORT: a tunnel to a loopback port, relayed by a child.
sub tunnel {
	my ($c, $target) = @_;
	my ($host, $p) = $target =~ /^(127\.0\.0\.1|localhost):(\d+)$/;
	my $up = defined $p ? IO::Socket::INET->new(PeerAddr => '127.0.0.1',
	    PeerPort => $p, Proto => 'tcp') : undef;
	log_req('CONNECT', $target, $up ? 200 : 502);
	unless ($up) {
		print $c "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n";
		return;
	}
	my $pid = fork();
	if (defined $pid && $pid == 0) {
		print $c "HTTP/1.1 200 Connection established\r\n\r\n";
		relay($c, $up);
		POSIX::_exit(0);
	}
	push @children, $pid if $pid;
	close $up;
}

sub relay {
	my ($a, $b) = @_;
	my $sel = IO::Select->new($a, $b);
	while (my @r = $sel->can_read(10)) {
		for my $s (@r) {
			my $n = sysread($s, my $buf, 65536);
			return unless $n;
			my $to = $s == $a ? $b : $a;
			for (my $o = 0; $o < $n;) {
				my $w = syswrite($to, $buf, $n - $o, $o);
				return unless $w;
				$o += $w;
			}
		}
	}
}

sub serve {
	($dir) = @_;
	%cfg = %{decode_json(slurp("$dir/config.json"))};
	$cfg{publisher} //= $cfg{tenant};
	@blobs = @{decode_json(slurp("$dir/content.json") // '[]')};
	@graph = @{decode_json(slurp("$dir/graph.json") // '[]')};
	if (my $s = slurp("$dir/subscriptions")) {
		$subs{$_} = 1 for grep { length } split /\n/, $s;
	}
	$SIG{PIPE} = 'IGNORE';
	$SIG{TERM} = $SIG{INT} = sub {
		kill 'KILL', @children if @children;
		exit 0;
	};
	my $srv = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0,
	    Listen => 16, ReuseAddr => 1, Proto => 'tcp') or die "listen: $!";
	$port = $srv->sockport;
	spew("$dir/port", "$port\n");
	while (1) {
		my $c = $srv->accept or next;
		$c->autoflush(1);
		eval { serve_one($c) };
		close $c;
		@children = grep { waitpid($_, POSIX::WNOHANG()) == 0 } @children;
	}
}

my $cmd = shift @ARGV // '';
if ($cmd eq 'gen') {
	gen(@ARGV);
} elsif ($cmd eq 'gen-graph') {
	gen_graph(@ARGV);
} elsif ($cmd eq 'serve') {
	serve(@ARGV);
} else {
	die "usage: o365-emulator.pl gen DIR SEED START HOURS [LATE_EVERY LATE_HOURS]\n" .
	    "       o365-emulator.pl serve DIR\n";
}
