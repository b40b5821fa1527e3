/* MDS-ERR-002: failures that are handled, and empty branches that are not error paths. */
#include <stdint.h>

typedef enum { HAL_OK = 0, HAL_ERROR = 1 } HAL_StatusTypeDef;
int flash_write(uint32_t addr, const void *data, uint32_t len);
void enter_safe_state(int why);
void use_sample(uint16_t v);
int queue_empty(void);

int store_record(const void *rec, uint32_t len)
{
	int rc = flash_write(0x08040000u, rec, len);

	if (rc != 0) {
		enter_safe_state(rc);
		return rc;
	}
	/* the empty branch skips the use; the else is the success path */
	if (rc != 0) {
	} else {
		use_sample(1);
	}
	return 0;
}

void poll(uint16_t sample, int count)
{
	/* an empty wait loop body is not an error branch */
	while (!queue_empty()) {
	}
	if (count != 0) {
		/* nothing to do for a non-zero count: not a status */
	}
	use_sample(sample);
}
