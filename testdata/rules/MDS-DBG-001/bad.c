/* MDS-DBG-001: debug and bypass switches defined unconditionally. */
#define DEBUG 1 // expect: MDS-DBG-001
#define SKIP_SIGNATURE_CHECK // expect: MDS-DBG-001

/* the configuration block, as the configuration tool pastes it into the unit */
#ifndef PUMP_CONFIG_H
#define PUMP_CONFIG_H
#define PUMP_MAX_RATE_ML_H 999
#define ENABLE_TEST_HOOKS // expect: MDS-DBG-001
#define FACTORY_MODE 1 // expect: MDS-DBG-001
#endif

int debug_shell_start(void);
int verify_image(const void *img);

int boot(const void *img)
{
#ifdef ENABLE_TEST_HOOKS
	debug_shell_start();
#endif
#ifdef SKIP_SIGNATURE_CHECK
	(void)img;
	return 0;
#else
	return verify_image(img);
#endif
}
