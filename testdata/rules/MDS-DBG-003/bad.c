/* MDS-DBG-003: known security gaps marked in comments and left in the code. */
#include <stdint.h>
#include <string.h>

struct frame {
	uint8_t len;
	uint8_t data[32];
};

int tls_connect(const char *host);

int copy_frame(struct frame *f, const uint8_t *rx, uint8_t len)
{
	/* TODO: validate len against sizeof f->data */ // expect: MDS-DBG-003
	if (len > sizeof f->data)
		return -1;
	memcpy(f->data, rx, len);
	f->len = len;
	return 0;
}

int connect_cloud(void)
{
	// FIXME skip the certificate check until the CA is provisioned // expect: MDS-DBG-003
	return tls_connect("cloud.example-med.com");
}

/* XXX: the service commands below still have no authentication, // expect: MDS-DBG-003
 * see problem report PR-1234.
 */
int dispatch(uint8_t op)
{
	return op; // HACK: hard-coded PIN accepted in manufacturing builds // expect: MDS-DBG-003
}
