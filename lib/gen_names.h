/*
 * gen_names.h - the last names of synthetic users, shared by irm-gen
 * (lib/gen_world.c) and the benchmark generator bench/gen-events.c, so
 * both make the same kind of Contoso tenant.
 */
#ifndef IRM_GEN_NAMES_H
#define IRM_GEN_NAMES_H

static const char *const irm_gen_lasts[100] = {"smith", "johnson", "williams",
    "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
    "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor",
    "moore", "jackson", "martin", "lee", "perez", "thompson", "white", "harris",
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

#endif /* IRM_GEN_NAMES_H */
