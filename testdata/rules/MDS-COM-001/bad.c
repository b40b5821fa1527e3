/* MDS-COM-001: device endpoints reached over cleartext protocols. */
#include <stddef.h>

int http_post(const char *url, const void *body, size_t len);
int mqtt_connect(const char *broker_uri, const char *client_id);
int ftp_fetch(const char *url, const char *dest);

#define TELEMETRY_URL "http://telemetry.example-med.com/v1/upload" // expect: MDS-COM-001
#define CFG_HOST "cfg.example-med.com"

struct update_cfg {
	const char *manifest_url;
	unsigned interval_s;
};

static const struct update_cfg fw_cfg = {
	.manifest_url = "ftp://updates.example-med.com/pump/manifest.json", // expect: MDS-COM-001
	.interval_s = 3600,
};

static const char *const fallback_brokers[] = {
	"mqtt://broker1.example-med.com:1883", // expect: MDS-COM-001
	"mqtts://broker2.example-med.com:8883",
};

const char *service_console = "telnet://10.0.0.2:23"; // expect: MDS-COM-001

void sync_now(const void *report, size_t len)
{
	const char *ws;

	http_post(TELEMETRY_URL, report, len);
	mqtt_connect(fallback_brokers[0], "pump-0042");
	ftp_fetch(fw_cfg.manifest_url, "/tmp/manifest.json");
	http_post("http://" CFG_HOST "/v1/config", report, len); // expect: MDS-COM-001
	ws = "ws://dashboard.example-med.com/live"; // expect: MDS-COM-001
	(void)ws;
	(void)service_console;
}
