# --pseudonymize: users, internal addresses and OneDrive/profile path
# segments become anon-HEX; external addresses stay.  --key user prefixes
# the (pseudonymized) user and a tab.  A short key is refused (exit 2).
printf 'k3y-for-tests-0123456789\n' >"$T/key"
chmod 600 "$T/key"
printf 'short\n' >"$T/short"
chmod 600 "$T/short"
irm-norm -p "$T/key" -i contoso.com -k user o365-basic.jsonl |
    grep -E '0{10}(02|03|09|0f|10)"'
cd "$T" && irm-norm -p short "$D/norm/o365-basic.jsonl"
echo "rc=$?"
