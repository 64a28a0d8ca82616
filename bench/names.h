/*
 * names.h - the first and last names the benchmark generators give their
 * synthetic users (gen-events; the last names are irm-gen's, lib/gen_names.h).
 */
#ifndef IRM_BENCH_NAMES_H
#define IRM_BENCH_NAMES_H

static const char *const firsts[50] = {"alice", "bob", "carol", "dave", "erin",
    "frank", "grace", "heidi", "ivan", "judy", "karl", "laura", "mallory",
    "nina", "oscar", "peggy", "quentin", "rupert", "sybil", "trent", "ursula",
    "victor", "wendy", "xavier", "yvonne", "zoe", "adam", "beatriz", "chen",
    "dmitri", "elif", "fatima", "gunnar", "hiroshi", "ingrid", "jamal", "kenji",
    "lucia", "mateo", "noor", "olga", "pablo", "priya", "rafael", "sanjay",
    "tomas", "ulrike", "vikram", "wei", "yusuf"};

#include "../lib/gen_names.h"

#endif
