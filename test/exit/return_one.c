// Returning 1 from main gives host status 1.
//! exit: 1
int main(void) { return 1; }
