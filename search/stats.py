"""The record of what visitors search for: the site's counts per language, query and day
(QueryStat, the *Search queries* report) and Wagtail's own log (Query and QueryDailyHits,
which the promotions admin offers as popular searches). Bounded whatever is sent
(docs/search.md, "Promotions and statistics")."""

import datetime
import logging

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from .models import QueryStat
from .text import words

logger = logging.getLogger(__name__)

# What a visitor's query must look like to be counted (see worth_recording).
MAX_RECORDED_LENGTH = 100
MAX_RECORDED_WORDS = 8
MAX_RECORDED_WORD_LENGTH = 40


def worth_recording(query, analysed):
    """Does a query look like something a person searched for? At least one word that is
    not a stop word or a number, at most MAX_RECORDED_WORDS words of at most
    MAX_RECORDED_WORD_LENGTH letters, MAX_RECORDED_LENGTH characters in all. Scripts that
    search random strings, numbers or whole paragraphs are not counted."""
    query_words = words(query)
    return (
        bool(analysed)
        and len(query) <= MAX_RECORDED_LENGTH
        and len(query_words) <= MAX_RECORDED_WORDS
        and all(len(word) <= MAX_RECORDED_WORD_LENGTH for word in query_words)
        and not all(word.isdigit() for word in query_words)
    )


def record_query(locale, query, results, analysed):
    """Count a search in QueryStat (one row per language, query and day) and in Wagtail's
    own query log (which the search promotions admin offers as popular searches). Never
    fails a search.

    Bounded: only queries worth_recording(); a query not yet counted today is added only
    while the language has fewer than SEARCH_STATS_MAX_QUERIES_PER_DAY distinct queries that
    day (those already counted go on being counted); `manage.py purge_search_stats` deletes
    the days older than SEARCH_STATS_RETENTION_DAYS."""
    query_string = normalise_query_string(query)[:255]
    if not query_string or not worth_recording(query, analysed):
        return
    today = timezone.localdate()
    try:
        with transaction.atomic():
            if not _count_again(locale, query_string, today, results):
                counted_today = QueryStat.objects.filter(locale=locale, date=today).count()
                if counted_today >= settings.SEARCH_STATS_MAX_QUERIES_PER_DAY:
                    return
                try:
                    with transaction.atomic():
                        QueryStat.objects.create(
                            locale=locale,
                            query_string=query_string,
                            date=today,
                            hits=1,
                            results=results,
                        )
                except IntegrityError:  # another request created it meanwhile
                    _count_again(locale, query_string, today, results)
            # Wagtail's Query.get(…).add_hit() reads the query and its day before adding
            # one (three queries): one UPDATE when the day is already counted.
            wagtail_string = normalise_query_string(query_string)
            if not _count_again_in_wagtails_log(wagtail_string, today):
                Query.get(wagtail_string).add_hit(date=today)
    except DatabaseError:
        logger.warning("search: could not record the query %r", query_string, exc_info=True)


def purge_query_stats(days=None):
    """Delete the counts older than `days` (SEARCH_STATS_RETENTION_DAYS), and Wagtail's
    daily hits older than WAGTAILSEARCH_HITS_MAX_AGE with the queries left without hits or
    promotions. Returns the number of QueryStat rows deleted."""
    days = settings.SEARCH_STATS_RETENTION_DAYS if days is None else days
    oldest_kept = timezone.localdate() - datetime.timedelta(days=days - 1)
    deleted, _by_model = QueryStat.objects.filter(date__lt=oldest_kept).delete()
    QueryDailyHits.garbage_collect()
    Query.garbage_collect()
    return deleted


# The two UPDATEs of a query already counted today, which is nearly every search: written in
# SQL because the ORM took longer to build them (a join for Wagtail's) than the database to
# run them. Both return the number of rows counted (0: not counted yet today).


def _count_again(locale, query_string, date, results):
    sql = (
        f"UPDATE {_table(QueryStat)} SET hits = hits + 1, results = %s "
        f'WHERE locale_id = %s AND query_string = %s AND "date" = %s'
    )
    return _update(sql, [results, locale.pk, query_string, _date(date)])


def _count_again_in_wagtails_log(query_string, date):
    sql = (
        f'UPDATE {_table(QueryDailyHits)} SET hits = hits + 1 WHERE "date" = %s AND query_id = '
        f"(SELECT id FROM {_table(Query)} WHERE query_string = %s)"
    )
    return _update(sql, [_date(date), query_string])


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)


def _date(value):
    return connection.ops.adapt_datefield_value(value)


def _update(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount
