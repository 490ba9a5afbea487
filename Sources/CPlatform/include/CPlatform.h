// The few Linux calls Swift's Glibc module does not expose (they need _GNU_SOURCE).
#ifndef MERGERSIM_CPLATFORM_H
#define MERGERSIM_CPLATFORM_H

/// Exchanges the two paths atomically (renameat2 with RENAME_EXCHANGE): both must exist.
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or kernel lacks it).
int mergersim_exchange_paths(const char *a, const char *b);

#endif
