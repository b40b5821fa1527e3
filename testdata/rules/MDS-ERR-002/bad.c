/* MDS-ERR-002: failures that are detected and then ignored. */
#include <stdint.h>

typedef enum { HAL_OK = 0, HAL_ERROR = 1, HAL_BUSY = 2, HAL_TIMEOUT = 3 } HAL_StatusTypeDef;
typedef struct { int instance; } I2C_HandleTypeDef;
HAL_StatusTypeDef HAL_I2C_Mem_Read(I2C_HandleTypeDef *h, uint16_t dev, uint16_t reg, uint16_t regsz,
				   uint8_t *buf, uint16_t n, uint32_t timeout);
int flash_write(uint32_t addr, const void *data, uint32_t len);
int sensor_selftest(void);

extern I2C_HandleTypeDef hi2c1;

struct pump {
	int status;
	uint16_t pressure;
};

uint16_t read_pressure(void)
{
	uint8_t buf[2] = { 0, 0 };

	if (HAL_I2C_Mem_Read(&hi2c1, 0x50, 0x10, 1, buf, 2, 10) != HAL_OK) { // expect: MDS-ERR-002
		/* ignore, the next sample will be fine */
	}
	return (uint16_t)(buf[0] << 8 | buf[1]);
}

void store_record(const void *rec, uint32_t len)
{
	int rc = flash_write(0x08040000u, rec, len);

	if (rc != 0) { // expect: MDS-ERR-002
	}
	if ((rc = flash_write(0x08040100u, rec, len)) < 0) // expect: MDS-ERR-002
		;
}

void self_test(struct pump *p)
{
	int ok = sensor_selftest() == 0;

	p->status = sensor_selftest();
	if (p->status != 0) { // expect: MDS-ERR-002
		// TBD
	}
	if (!ok) { // expect: MDS-ERR-002
	}
	if (sensor_selftest() == -1) { // expect: MDS-ERR-002
	}
}
