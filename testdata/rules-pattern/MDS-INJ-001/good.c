#include <unistd.h>

int system(const char *);

void run_update(const char *image)
{
	char *const argv[] = { "flash-tool", (char *)image, NULL };

	/* is there a shell at all? */
	if (system(NULL) == 0)
		return;
	execv("/usr/bin/flash-tool", argv);
	execl("/usr/bin/flash-tool", "flash-tool", image, (char *)0);
}
