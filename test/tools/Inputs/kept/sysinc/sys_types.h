typedef long sys_word_t;
