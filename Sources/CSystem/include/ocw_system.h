#ifndef OCW_SYSTEM_H
#define OCW_SYSTEM_H

/// Sets whether this process may be dumped or traced (prctl PR_SET_DUMPABLE, which is variadic
/// and so cannot be called from Swift directly); 0 on success, -1 with errno on failure.
int ocw_set_dumpable(int dumpable);

/// Whether this process is dumpable (prctl PR_GET_DUMPABLE): 1 or 0, -1 on failure.
int ocw_get_dumpable(void);

#endif
