/* MDS-DBG-001: debug switches that follow the build configuration. */
#ifndef DEBUG
#define DEBUG 0
#endif

#if defined(CONFIG_PUMP_DEVEL)
#define ENABLE_TEST_HOOKS 1
#endif

#ifdef BUILD_FACTORY_IMAGE
#define FACTORY_MODE
#endif

#define FACTORY_MODE_TIMEOUT_S 30
#define DEBUG_UART_BAUD 115200
#define SERVICE_MODE_OFF 0
#define UNIT_TEST 0
#define BYPASS_SHIFT 1
#define DEBUG_LEVEL_DEFAULT 2

#if defined(ENABLE_TEST_HOOKS) && defined(RELEASE_BUILD)
#error "test hooks must not be enabled in a release build"
#endif

int pump_debug_level(void)
{
	return DEBUG;
}
