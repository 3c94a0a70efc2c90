"""The shared cache backend: django-redis, kept serving while Redis is down."""

from django_redis.cache import RedisCache, omit_exception


class OutageTolerantRedisCache(RedisCache):
    """django-redis with IGNORE_EXCEPTIONS: reads miss and writes are skipped, each logged.

    `add` answers True during an outage: allauth takes a lock with it before counting a rate
    limit (and marks one-time codes used with it), and a lock that can never be taken would
    refuse every sign-in. Until Redis is back, sign-in works but attempts are not counted.
    """

    @omit_exception(return_value=True)
    def add(self, *args, **kwargs):
        return self.client.add(*args, **kwargs)
