/*
 * irm_pseudo.c - keyed pseudonyms (HMAC-SHA256), the store's entry MACs
 * and SHA-256 digests, the only use of libcrypto.  The key lives in memory only
 * and is wiped when freed; it is never printed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include "irm.h"

#define KEY_MAX 4096
#define KEY_MIN 16

struct irm_pseudo {
	unsigned char key[KEY_MAX + 1];
	size_t len;
};

struct irm_pseudo *
irm_pseudo_load(const char *path, struct irm_error *e)
{
	struct irm_pseudo *p;
	FILE *fp;
	size_t n;

	if ((fp = fopen(path, "rb")) == NULL)
		return irm_seterr(e, "%s: %s", path, strerror(errno)), NULL;
	if (irm_secret_check(fileno(fp), path, e) == -1) {
		fclose(fp);
		return NULL;
	}
	p = irm_xcalloc(1, sizeof(*p));
	n = fread(p->key, 1, sizeof(p->key), fp);
	if (ferror(fp) || n > KEY_MAX) {
		irm_seterr(e, "%s: %s", path,
		    ferror(fp) ? "read error" : "key file too large");
		goto fail;
	}
	while (n && (p->key[n - 1] == '\n' || p->key[n - 1] == '\r'))
		n--;
	if (n < KEY_MIN) {
		irm_seterr(e, "%s: key shorter than %d bytes", path, KEY_MIN);
		goto fail;
	}
	p->len = n;
	fclose(fp);
	return p;
fail:
	fclose(fp);
	irm_pseudo_free(p);
	return NULL;
}

void
irm_pseudo_free(struct irm_pseudo *p)
{
	if (p == NULL)
		return;
	OPENSSL_cleanse(p, sizeof(*p));
	free(p);
}

static void
hex(const unsigned char *d, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * n] = '\0';
}

void
irm_pseudonym(const struct irm_pseudo *p, const char *id, size_t len, char *out)
{
	unsigned char md[EVP_MAX_MD_SIZE], small[256], *low = small;
	unsigned mdlen = 0;
	size_t i;

	if (len > sizeof(small))
		low = irm_xmalloc(len);
	for (i = 0; i < len; i++)
		low[i] = (id[i] >= 'A' && id[i] <= 'Z') ? id[i] + 32 : id[i];
	HMAC(EVP_sha256(), p->key, (int)p->len, low, len, md, &mdlen);
	if (low != small)
		free(low);
	memcpy(out, "anon-", 5);
	hex(md, 6, out + 5);
}

void
irm_hmac_sha256_hex(
    const void *key, size_t keylen, const void *data, size_t len, char *out)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;

	HMAC(EVP_sha256(), key, (int)keylen, data, len, md, &mdlen);
	hex(md, mdlen, out);
	OPENSSL_cleanse(md, sizeof(md));
}

void
irm_sha256_hex(const void *data, size_t len, char *out)
{
	unsigned char md[SHA256_DIGEST_LENGTH];

	SHA256(data, len, md);
	hex(md, sizeof(md), out);
}
