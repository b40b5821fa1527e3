/*
 * Titles of the IEC 62304 and IEC 81001-5-1 clauses that rules map to, for
 * the SARIF taxonomies. Our own short paraphrases, never the standards' text;
 * they mirror the project's clause list and move to rules/standards/ once
 * the catalogue carries that list as data.
 */
#include <string.h>

#include "out.h"

struct clause_title {
	const char *clause;
	const char *title;
};

static const struct clause_title iec62304[] = {
	{ "4.3", "Software safety classification (A/B/C) of the system and its segregated items" },
	{ "4.4", "Legacy software (A1): justify continued use of previously released software" },
	{ "5.1.1", "Software development plan" },
	{ "5.1.4", "Plan the development standards, methods and tools (class C)" },
	{ "5.1.6", "Software verification planning" },
	{ "5.1.9", "Software configuration management planning" },
	{ "5.1.10", "Supporting items (tools) to be controlled (classes B, C)" },
	{ "5.1.11", "Configuration items under control before verification (classes B, C)" },
	{ "5.1.12", "Identify and avoid common software defect categories (A1; classes B, C)" },
	{ "5.3.3", "Functional and performance requirements of SOUP items (classes B, C)" },
	{ "5.5.1", "Implement each software unit" },
	{ "5.5.2", "Establish the software unit verification process (classes B, C)" },
	{ "5.5.3", "Software unit acceptance criteria, including conformance to the coding "
		   "standard (classes B, C)" },
	{ "5.5.4(a)", "Additional acceptance criterion (class C): proper event sequence" },
	{ "5.5.4(b)", "Additional acceptance criterion (class C): data and control flow" },
	{ "5.5.4(c)", "Additional acceptance criterion (class C): planned resource allocation" },
	{ "5.5.4(d)", "Additional acceptance criterion (class C): fault handling (error "
		      "definition, isolation, recovery)" },
	{ "5.5.4(e)", "Additional acceptance criterion (class C): initialisation of variables" },
	{ "5.5.4(f)", "Additional acceptance criterion (class C): self-diagnostics" },
	{ "5.5.4(g)", "Additional acceptance criterion (class C): memory management and memory "
		      "overflows" },
	{ "5.5.4(h)", "Additional acceptance criterion (class C): boundary conditions" },
	{ "5.5.5", "Perform software unit verification and record results (classes B, C)" },
	{ "5.8.1", "Ensure software verification is complete before release" },
	{ "5.8.2", "Document known residual anomalies" },
	{ "5.8.3", "Evaluate known residual anomalies for unacceptable risk" },
	{ "5.8.5", "Document how the released software was created" },
	{ "6.3.1", "Implement modifications using the established process" },
	{ "7.1.2", "Identify potential causes by which software contributes to hazardous "
		   "situations" },
	{ "7.3.1", "Verify risk control measures" },
	{ "7.4.1", "Analyse software changes with respect to safety" },
	{ "8.1.1", "Establish means to identify configuration items" },
	{ "8.1.2", "Identify SOUP (title, manufacturer, unique designation)" },
	{ "8.2.4", "Provide means for traceability of change" },
	{ "8.3", "Configuration status accounting" },
	{ "9.1", "Prepare problem reports" },
	{ "9.2", "Investigate the problem" },
	{ "9.5", "Maintain records" },
	{ "9.6", "Analyse problems for trends" },
	{ "9.7", "Verify software problem resolution" },
	{ NULL, NULL }
};

/* 5.5.2 is split by review item because rules name the item they evidence. */
static const struct clause_title iec81001[] = {
	{ "4.1.5", "Software items from third-party suppliers (custom-developed): flow down "
		   "security requirements" },
	{ "4.1.8", "Periodic review of security defect management" },
	{ "4.3", "Classify software items (maintained / supported / required)" },
	{ "5.1.2", "Security of the development environment" },
	{ "5.1.3", "Establish and maintain secure coding standards" },
	{ "5.3.2", "Secure design best practices, including removal or protection of backdoors, "
		   "debug access and debug information" },
	{ "5.5.1", "Implementation follows the secure coding standards" },
	{ "5.5.2", "Security implementation review: unmet security requirements, coding-standard "
		   "deviations (for example banned functions), static code analysis, "
		   "traceability, exploitable interfaces and trust boundaries" },
	{ "5.5.2(a)", "Security implementation review: security requirements the code does not "
		      "meet" },
	{ "5.5.2(b)", "Security implementation review: departures from the secure coding "
		      "standard, for example banned functions" },
	{ "5.5.2(c)", "Security implementation review: static code analysis against the secure "
		      "coding standard" },
	{ "5.5.2(d)", "Security implementation review: traceability of the code to the security "
		      "capabilities of the design" },
	{ "5.5.2(e)", "Security implementation review: threats reaching the code through its "
		      "interfaces and trust boundaries" },
	{ "5.7.1", "Security requirements testing, including boundary and malformed-input cases" },
	{ "5.7.3", "Vulnerability testing, including checks of security rule violations and "
		   "compiler settings" },
	{ "5.7.5", "Managing conflicts of interest between testers and developers" },
	{ "5.8.2", "Release documentation including residual security risks" },
	{ "7.2", "Identify vulnerabilities, threats and associated adverse impacts" },
	{ "7.4", "Control security risks" },
	{ "8", "Software configuration management process (security aspects)" },
	{ "9.4", "Analyse vulnerabilities (impact, affected versions, root cause, related issues)" },
	{ "9.5", "Address security-related issues; periodic review of open issues at each release" },
	{ NULL, NULL }
};

const char *out_sarif_clause_title(int standard, const char *clause)
{
	const struct clause_title *t;

	switch (standard) {
	case OUT_SARIF_IEC62304: t = iec62304; break;
	case OUT_SARIF_IEC81001: t = iec81001; break;
	default: return NULL;
	}
	for (; t->clause; t++)
		if (strcmp(t->clause, clause) == 0)
			return t->title;
	return NULL;
}
