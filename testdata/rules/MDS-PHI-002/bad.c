/* MDS-PHI-002: patient data leaves the device over links that do not encrypt. */
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

typedef struct { int instance; } UART_HandleTypeDef;
int HAL_UART_Transmit(UART_HandleTypeDef *h, const uint8_t *data, uint16_t size, uint32_t timeout);
int ble_gatts_notify_custom(uint16_t conn, uint16_t attr, const void *data, uint16_t len);
int mqtt_publish(void *client, const char *topic, const void *payload, size_t len, int qos);

struct patient_record {
	uint32_t mrn;
	char name[32];
	uint16_t heart_rate;
};

struct monitor {
	struct patient_record patient;
	uint8_t patient_vitals[16];
	void *mqtt;
};

extern UART_HandleTypeDef huart2;

void upload(struct monitor *m, int sock)
{
	HAL_UART_Transmit(&huart2, (uint8_t *)&m->patient, sizeof m->patient, 100); // expect: MDS-PHI-002
	send(sock, &m->patient, sizeof m->patient, 0); // expect: MDS-PHI-002
	mqtt_publish(m->mqtt, "ward/3/vitals", m->patient_vitals, // expect: MDS-PHI-002
		     sizeof m->patient_vitals, 1);
}

void notify_vitals(uint16_t conn, const struct patient_record *patient_rec)
{
	ble_gatts_notify_custom(conn, 0x2a37, patient_rec, // expect: MDS-PHI-002
				sizeof *patient_rec);
}
