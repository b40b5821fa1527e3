/* MDS-PHI-002: patient data is sealed before it is sent; TLS writes are fine. */
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

typedef struct { int instance; } UART_HandleTypeDef;
typedef struct { int state; } mbedtls_ssl_context;
int HAL_UART_Transmit(UART_HandleTypeDef *h, const uint8_t *data, uint16_t size, uint32_t timeout);
int mbedtls_ssl_write(mbedtls_ssl_context *ssl, const unsigned char *buf, size_t len);
size_t seal_record(const void *in, size_t in_len, uint8_t *out, size_t out_len);

struct patient_record {
	uint32_t mrn;
	char name[32];
};

extern UART_HandleTypeDef huart2;

void upload(const struct patient_record *patient, mbedtls_ssl_context *tls, int sock)
{
	uint8_t sealed_patient[64];
	size_t n = seal_record(patient, sizeof *patient, sealed_patient, sizeof sealed_patient);

	HAL_UART_Transmit(&huart2, sealed_patient, (uint16_t)n, 100);
	mbedtls_ssl_write(tls, (const unsigned char *)patient, sizeof *patient);
	/* only the number of records leaves the device in clear */
	uint16_t patient_count = 1;
	send(sock, &patient_count, sizeof patient_count, 0);
}
