//! The owners'-assembly tally engine (民法典 Art 278) — scaffold, the votes issue fills it.
