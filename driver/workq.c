/*
 * Work queue and worker threads. Each worker owns its analyze_session (and
 * so its CXIndex); the only shared state is the next-item counter and the
 * per-item result slots, each written by exactly one worker.
 */
#include "workq.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct shared {
	const struct work_list *list;
	const struct analyze_options *opts;
	struct analyze_result *slots;
	struct workq_file_result *files;
	size_t next, done;
	pthread_mutex_t lock;
	workq_progress_fn progress;
	void *progress_data;
	const volatile sig_atomic_t *stop;
	int setup_rc;
	struct asp_error setup_err;
};

static void *worker(void *arg)
{
	struct shared *sh = arg;
	struct analyze_session *s = NULL;
	struct asp_error err;

	error_clear(&err);
	if (analyze_session_new(&s, sh->opts, &err) != ASP_OK) {
		pthread_mutex_lock(&sh->lock);
		if (!sh->setup_rc) {
			sh->setup_rc = err.code;
			sh->setup_err = err;
		}
		pthread_mutex_unlock(&sh->lock);
		return NULL;
	}
	for (;;) {
		const struct work_item *it;
		struct analyze_unit u;
		size_t i;
		int rc;

		pthread_mutex_lock(&sh->lock);
		i = sh->next < sh->list->n && !(sh->stop && *sh->stop) ? sh->next++ : (size_t)-1;
		pthread_mutex_unlock(&sh->lock);
		if (i == (size_t)-1)
			break;
		it = &sh->list->items[i];
		u.file = it->file;
		u.directory = it->directory;
		u.args = (const char *const *)it->args;
		u.nargs = it->nargs;
		error_clear(&err);
		rc = analyze_unit(s, &u, &sh->slots[i], &err);
		sh->files[i].parsed = sh->slots[i].parsed;
		sh->files[i].parse_errors = sh->slots[i].parse_errors;
		sh->files[i].pattern_only = sh->slots[i].pattern_only;
		if (rc) {
			char msg[1024];

			error_format(&err, msg, sizeof msg);
			sh->files[i].failed = 1;
			snprintf(sh->files[i].message, sizeof sh->files[i].message, "%s", msg);
		}
		pthread_mutex_lock(&sh->lock);
		sh->done++;
		if (sh->progress)
			sh->progress(sh->done, sh->list->n, it->file, sh->progress_data);
		pthread_mutex_unlock(&sh->lock);
	}
	analyze_session_free(s);
	return NULL;
}

int workq_run(const struct work_list *list, const struct analyze_options *opts,
	      unsigned jobs, struct analyze_result *res, struct workq_file_result *files,
	      workq_progress_fn progress, void *progress_data,
	      const volatile sig_atomic_t *stop, struct asp_error *err)
{
	struct shared sh;
	pthread_t *th = NULL;
	unsigned started = 0, i;
	size_t k;
	int rc = ASP_OK;

	memset(&sh, 0, sizeof sh);
	sh.list = list;
	sh.opts = opts;
	sh.files = files;
	sh.progress = progress;
	sh.progress_data = progress_data;
	sh.stop = stop;
	if (list->n == 0)
		return ASP_OK;
	if (jobs == 0)
		jobs = 1;
	if (jobs > list->n)
		jobs = (unsigned)list->n;
	sh.slots = calloc(list->n, sizeof *sh.slots);
	th = calloc(jobs, sizeof *th);
	if (!sh.slots || !th) {
		free(sh.slots);
		free(th);
		return error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
	}
	pthread_mutex_init(&sh.lock, NULL);
	if (jobs == 1) {
		worker(&sh);
	} else {
		pthread_attr_t attr;

		/* deep ASTs recurse: give workers the main thread's stack size */
		pthread_attr_init(&attr);
		pthread_attr_setstacksize(&attr, 16u * 1024 * 1024);
		for (i = 0; i < jobs; i++) {
			if (pthread_create(&th[i], &attr, worker, &sh) != 0)
				break;
			started++;
		}
		pthread_attr_destroy(&attr);
		if (started == 0)
			worker(&sh);
		for (i = 0; i < started; i++)
			pthread_join(th[i], NULL);
	}
	pthread_mutex_destroy(&sh.lock);
	if (sh.setup_rc && sh.done == 0) {
		*err = sh.setup_err;
		rc = sh.setup_rc;
	}
	for (k = 0; k < list->n; k++) {
		if (!rc && analyze_result_move(res, &sh.slots[k]) != ASP_OK)
			rc = error_set(err, ASP_ENOMEM, NULL, 0, 0, "out of memory");
		analyze_result_free(&sh.slots[k]);
	}
	free(sh.slots);
	free(th);
	return rc;
}
