/* Latin-1 comment: café */
int f(int x) { switch (x) { case 1: return 2; } return 0; }
