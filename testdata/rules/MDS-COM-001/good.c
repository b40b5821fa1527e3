/* MDS-COM-001: TLS endpoints, loopback, and URLs that are not endpoints. */
#include <stdio.h>
#include <stddef.h>

int http_post(const char *url, const void *body, size_t len);
int xml_start_element(const char *ns, const char *name);

#define TELEMETRY_URL "https://telemetry.example-med.com/v1/upload"
#define LOCAL_AGENT "http://127.0.0.1:8080/metrics"
#define SVG_NS "http://www.w3.org/2000/svg"
#define DRV_PROJECT "http://pump-driver.example.org"
#define GMAL_PREFIX_HTTP "http://"

static const char *const brokers[] = {
	"mqtts://broker1.example-med.com:8883",
	"wss://dashboard.example-med.com/live",
	"coaps://gw.example-med.com",
};

void sync_now(const void *report, size_t len)
{
	http_post(TELEMETRY_URL, report, len);
	http_post(LOCAL_AGENT, report, len);
	http_post("http://localhost/health", report, len);
	xml_start_element(SVG_NS, "svg");
	/* a URL inside a message is not an endpoint */
	printf("see the manual at http://docs.example-med.com for details\n");
	(void)brokers;
}
