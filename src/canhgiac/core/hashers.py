"""Argon2id with OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1): a sign-in hashes in a few tens of
milliseconds on two cores instead of Django's default of ~0.7 s (m = 100 MiB, p = 8), still within the guidance.
Stored hashes with other parameters still verify and are re-hashed with these at the next sign-in."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
