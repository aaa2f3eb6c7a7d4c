typedef int count_t;
