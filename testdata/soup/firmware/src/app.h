#ifndef APP_H
#define APP_H
#define APP_NAME "pump"
int app_start(const char *name);
#endif
