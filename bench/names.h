/*
 * names.h - the first and last names the benchmark generators give their
 * synthetic users (gen-events; irm-gen has its own in lib/gen_world.c).
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

static const char *const lasts[100] = {"smith", "johnson", "williams", "brown",
    "jones", "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez",
    "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore",
    "jackson", "martin", "lee", "perez", "thompson", "white", "harris",
    "sanchez", "clark", "ramirez", "lewis", "robinson", "walker", "young",
    "allen", "king", "wright", "scott", "torres", "nguyen", "hill", "flores",
    "green", "adams", "nelson", "baker", "hall", "rivera", "campbell",
    "mitchell", "carter", "roberts", "mueller", "schmidt", "schneider",
    "fischer", "weber", "meyer", "wagner", "becker", "schulz", "hoffmann",
    "dubois", "durand", "lefebvre", "moreau", "laurent", "simon", "michel",
    "rossi", "russo", "ferrari", "esposito", "bianchi", "romano", "colombo",
    "tanaka", "suzuki", "takahashi", "watanabe", "ito", "yamamoto", "kim",
    "park", "choi", "singh", "kumar", "sharma", "patel", "shah", "ali", "khan",
    "silva", "santos", "oliveira", "souza", "costa", "jensen", "nielsen",
    "hansen", "larsen", "novak"};

#endif
