/* MDS-PHI-001: patient identifiers and clinical data reach logs and consoles. */
#include <stdio.h>
#include <syslog.h>

void log_printf(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void app_log(const char *msg);
#define LOG_INF(...) log_printf(3, __VA_ARGS__)
void log_tagged(const char *tag, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define ESP_LOGI(tag, ...) log_tagged(tag, __VA_ARGS__)

struct patient_record {
	unsigned mrn;
	char patient_name[32];
	char dob[11];
	unsigned bed;
};

struct infusion_ctx {
	struct patient_record patient;
	unsigned rate_ml_h;
};

static const char *TAG = "pump";

void report_alarm(const struct patient_record *p, unsigned alarm)
{
	printf("alarm %u for %s\n", alarm,
	       p->patient_name); // expect: MDS-PHI-001
	LOG_INF("alarm %u MRN %u", alarm, p->mrn); // expect: MDS-PHI-001
	syslog(LOG_WARNING, "bed %u dob %s", p->bed, p->dob); // expect: MDS-PHI-001
}

void start_infusion(const struct infusion_ctx *ctx)
{
	ESP_LOGI(TAG, "start %s at %u ml/h", ctx->patient.patient_name, ctx->rate_ml_h); // expect: MDS-PHI-001
	fprintf(stderr, "MRN=%u\n", ctx->patient.mrn); // expect: MDS-PHI-001
	puts(ctx->patient.dob); // expect: MDS-PHI-001
}

void join_network(const char *ssid, const char *wifi_password)
{
	log_printf(7, "joining %s with %s", ssid, wifi_password); // expect: MDS-PHI-001
}

void admit(const char *patient_id, const char *diagnosis_code)
{
	app_log(patient_id); // expect: MDS-PHI-001
	printf("admitted with %s\n", diagnosis_code); // expect: MDS-PHI-001
}
