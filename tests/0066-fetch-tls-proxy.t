#!/bin/sh
# irm-fetch verifies TLS certificates (a self-signed one served by
# openssl s_server fails without --cacert, passes with it, and still fails
# for a host name it does not carry) and sends its requests through a
# proxy: --proxy, http_proxy and https_proxy (CONNECT) reach the emulator
# acting as the proxy, no_proxy bypasses the variables but not --proxy.
. "$(dirname "$0")/lib.sh"
. "$TESTS/emulator/emu.sh"

command -v openssl >/dev/null 2>&1 || skip_all "openssl missing"
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY \
    no_proxy NO_PROXY

plan 26

TLS_PID=
SLOW_PID=
tls_stop() { stop_bg TLS_PID; }
trap 'stop_bg SLOW_PID; tls_stop; emu_stop; rm -rf "$TMP"' EXIT

# tls_start: serve $TMP/www over https on a free loopback port (TLS_PORT);
# another process can take the port between choosing and binding it, so
# a server that fails to bind is retried on another.
tls_start() {
	for _t in 1 2 3 4 5 6 7 8 9 10; do
		TLS_PORT=$(perl -MIO::Socket::INET -e 'print IO::Socket::INET->new(
		    LocalAddr => "127.0.0.1", LocalPort => 0, Listen => 1)->sockport')
		(cd "$TMP/www" && exec openssl s_server -accept "127.0.0.1:$TLS_PORT" \
		    -cert "$TMP/cert.pem" -key "$TMP/key.pem" -WWW) \
		    >"$TMP/s_server.out" 2>&1 &
		TLS_PID=$!
		_i=0
		while [ $_i -lt 100 ] && kill -0 "$TLS_PID" 2>/dev/null; do
			grep -q '^ACCEPT' "$TMP/s_server.out" && return 0
			sleep 0.05
			_i=$((_i + 1))
		done
		tls_stop
	done
	return 1
}

mkcert() {
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	    -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
	    -keyout "$1" -out "$2" 2>"$TMP/openssl.err"
}

mkdir "$TMP/www"
printf '[ {"a" : 1.50, "s":"x\\u00e9"},\n {"b":[1e3, true]} ]\n' >"$TMP/www/page.json"
printf '%s\n' '{"a":1.50,"s":"x\u00e9"}' '{"b":[1e3,true]}' >"$TMP/want_page"
mkcert "$TMP/key.pem" "$TMP/cert.pem"
mkcert "$TMP/other.key" "$TMP/other.pem"
tls_start
check "openssl s_server serves the page over TLS" test -n "$TLS_PID"
URL=https://127.0.0.1:$TLS_PORT/page.json

# Without --cacert the system's CAs do not know the certificate.
IRM_FETCH_DELAY_SCALE=0.01 irm-fetch url "$URL" >"$TMP/o" 2>"$TMP/e"
check "self-signed, no --cacert: exit 3" test $? = 3
check "self-signed, no --cacert: the message names the certificate problem" \
    grep -q "^irm-fetch: $URL: (60) SSL certificate problem: self.signed certificate\$" "$TMP/e"
check "self-signed, no --cacert: no output" test ! -s "$TMP/o"
# s_server may write its line a moment after irm-fetch gave up: on a
# busy machine, wait for it (5 s at most) before counting.
i=0
while ! grep -q 'alert unknown ca' "$TMP/s_server.out" && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "self-signed, no --cacert: not retried (one handshake refused)" \
    test "$(grep -c 'alert unknown ca' "$TMP/s_server.out")" = 1

irm-fetch url --cacert "$TMP/cert.pem" "$URL" >"$TMP/o" 2>"$TMP/e"
check "--cacert with the certificate: exit 0" test $? = 0
check_same "--cacert with the certificate: the records" "$TMP/o" "$TMP/want_page"

# A handshake slower than the scaled connect timeout (300 ms at 0.01):
# a relay that holds each connection 0.6 s before passing it on, as a
# loaded machine's server may.  The connect timeout keeps 2 s at least,
# so the TLS handshake is not cut and retried.
perl -MIO::Socket::INET -MIO::Select -e '
	my $l = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0,
	    Listen => 5, ReuseAddr => 1) or die;
	open(my $p, ">", "$ARGV[1].tmp") or die; print $p $l->sockport, "\n";
	close $p; rename("$ARGV[1].tmp", $ARGV[1]);
	while (my $c = $l->accept) {
		next if fork;
		select(undef, undef, undef, 0.6);
		my $s = IO::Socket::INET->new("127.0.0.1:$ARGV[0]") or exit;
		my $sel = IO::Select->new($c, $s);
		while (my @r = $sel->can_read) {
			for my $h (@r) {
				sysread($h, my $b, 65536) or exit;
				syswrite($h == $c ? $s : $c, $b);
			}
		}
	}' "$TLS_PORT" "$TMP/slow.port" &
SLOW_PID=$!
i=0
while [ ! -s "$TMP/slow.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
SLOW_URL=https://127.0.0.1:$(cat "$TMP/slow.port")/page.json
IRM_FETCH_DELAY_SCALE=0.01 irm-fetch url --max-retries 0 \
    --cacert "$TMP/cert.pem" "$SLOW_URL" >"$TMP/o" 2>"$TMP/e"
check "a handshake slower than the scaled connect timeout: exit 0, the records" \
    sh -c "test $? = 0 && cmp -s '$TMP/o' '$TMP/want_page'"
stop_bg SLOW_PID

irm-fetch url --max-retries 0 --cacert "$TMP/other.pem" "$URL" >"$TMP/o" 2>"$TMP/e"
check "--cacert with another CA: exit 3, certificate problem, no output" \
    sh -c "test $? = 3 && grep -q '(60) SSL certificate problem' '$TMP/e' && ! test -s '$TMP/o'"
irm-fetch url --max-retries 0 --cacert "$TMP/cert.pem" \
    "https://localhost:$TLS_PORT/page.json" >"$TMP/o" 2>"$TMP/e"
check "--cacert, a host name the certificate lacks: exit 3, name mismatch" \
    sh -c "test $? = 3 && grep -q \"(60) SSL: no alternative certificate subject name matches target host name 'localhost'\" '$TMP/e' && ! test -s '$TMP/o'"
irm-fetch url --cacert "$TMP/nonexistent.pem" "$URL" >"$TMP/o" 2>"$TMP/e"
check "--cacert naming no file: exit 3, the CA file named" \
    sh -c "test $? = 3 && grep -q '(77) .*nonexistent.pem' '$TMP/e'"

# --proxy: the API origin is a closed port; the emulator is the proxy and
# answers requests in absolute form.
emu_gen 8 $((NOW - 13 * 3600)) 12
emu_start
sort "$EMU_DIR/records.jsonl" >"$TMP/want"
DEAD=http://127.0.0.1:1

# pfetch ARGS...: o365 with the API and the token service at $DEAD.
pfetch() {
	emu_now "$NOW"
	SOURCE_DATE_EPOCH=$NOW IRM_FETCH_DELAY_SCALE=0.01 irm-fetch o365 \
	    --tenant "$TENANT" --client-id "$CLIENT" \
	    --client-secret-file "$TMP/secret" --base-url "$DEAD" \
	    --login-url "$DEAD" --since 13h "$@"
}

# proxied MSG: every request in the log went through the proxy in
# absolute form to $DEAD, and there were some.
proxied() {
	check "$1" sh -c "test -s '$EMU_DIR/requests.log' &&
	    ! grep -v '^[A-Z]* $DEAD/' '$EMU_DIR/requests.log'"
}

check_rc "without a proxy the closed port fails: exit 3" 3 \
    pfetch --max-retries 0 -o "$TMP/out0"
: >"$EMU_DIR/requests.log"
check_rc "--proxy: exit 0" 0 pfetch --proxy "$EMU" -o "$TMP/out1"
sort "$TMP/out1" >"$TMP/got"
check_same "--proxy: every record once" "$TMP/got" "$TMP/want"
proxied "--proxy: every request (token, list, content, blobs) in absolute form"
check "--proxy: the token and the blobs went through the proxy" sh -c \
    "grep -q '^POST $DEAD/$TENANT/oauth2/token 200\$' '$EMU_DIR/requests.log' &&
    grep -q '^GET $DEAD/api/v1.0/$TENANT/activity/feed/audit/' '$EMU_DIR/requests.log'"

: >"$EMU_DIR/requests.log"
http_proxy=$EMU pfetch -o "$TMP/out2"
check "http_proxy: exit 0" test $? = 0
sort "$TMP/out2" >"$TMP/got"
check_same "http_proxy: every record once" "$TMP/got" "$TMP/want"
proxied "http_proxy: every request in absolute form"

: >"$EMU_DIR/requests.log"
check_rc "no_proxy bypasses http_proxy: the closed port, exit 3" 3 \
    env http_proxy="$EMU" no_proxy=127.0.0.1 IRM_FETCH_DELAY_SCALE=0.01 \
    SOURCE_DATE_EPOCH=$NOW irm-fetch o365 --tenant "$TENANT" \
    --client-id "$CLIENT" --client-secret-file "$TMP/secret" \
    --base-url "$DEAD" --login-url "$DEAD" --max-retries 0
check "no_proxy: nothing reached the proxy" test ! -s "$EMU_DIR/requests.log"
no_proxy=127.0.0.1 pfetch --proxy "$EMU" -o "$TMP/out3" 2>"$TMP/e"
check "--proxy is not bypassed by no_proxy: exit 0" test $? = 0
proxied "--proxy with no_proxy: every request in absolute form"

# https through the proxy: a CONNECT tunnel, the certificate verified end
# to end.
: >"$EMU_DIR/requests.log"
https_proxy=$EMU irm-fetch url --cacert "$TMP/cert.pem" "$URL" >"$TMP/o" 2>"$TMP/e"
check "https_proxy: exit 0 with the records" sh -c \
    "test $? = 0 && cmp -s '$TMP/o' '$TMP/want_page'"
printf 'CONNECT 127.0.0.1:%s 200\n' "$TLS_PORT" >"$TMP/want_log"
check_same "https_proxy: one CONNECT to the server" "$EMU_DIR/requests.log" \
    "$TMP/want_log"
: >"$EMU_DIR/requests.log"
irm-fetch url --proxy "$EMU" --max-retries 0 "$URL" >"$TMP/o" 2>"$TMP/e"
check "--proxy, https, no --cacert: the tunnel carries TLS, verification fails" \
    sh -c "test $? = 3 && grep -q '(60) SSL certificate problem' '$TMP/e' &&
    grep -q '^CONNECT 127.0.0.1:$TLS_PORT 200\$' '$EMU_DIR/requests.log'"
done_testing
