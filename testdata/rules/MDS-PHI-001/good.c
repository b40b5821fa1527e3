/* MDS-PHI-001: logs that identify the case without carrying patient data. */
#include <stdio.h>

void log_printf(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define LOG_INF(...) log_printf(3, __VA_ARGS__)

struct patient_record {
	unsigned record_handle;
	unsigned mrn;
	char patient_name[32];
};

struct ward {
	unsigned patient_count;
	unsigned mrn_len;
};

/* the patient file is the device's own encrypted store, not a log */
void save_record(FILE *patient_file, const struct patient_record *p)
{
	fprintf(patient_file, "%u\n", p->record_handle);
}

void report(const struct patient_record *p, const struct ward *w)
{
	LOG_INF("alarm for record #%u", p->record_handle);
	printf("%u patients on the ward\n", w->patient_count);
	printf("MRN field is %u digits\n", w->mrn_len);
	/* a dialog is not a log */
	printf("self-test diagnostics passed\n");
}

/* the diagnostic counters of the device itself are not clinical data */
void dump_diagnostics(unsigned diagnostic_errors)
{
	printf("diagnostic errors: %u\n", diagnostic_errors);
}

void join_network(const char *ssid, unsigned password_len)
{
	LOG_INF("joining %s, password of %u characters", ssid, password_len);
}

/* the mathematical logarithm is not a logger */
double decibels(double patient_signal_ratio);
