import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HelpRequestCandidate, MasteryLevel, TutorCandidate } from '@peerlift/domain';
import { InjectDataSource } from '../../database/inject-data-source';
import { preparedRows, type PreparedSql } from '../../database/sql';

interface RequestRow {
  id: string;
  learner_id: string;
  skill_slug: string;
  state: string;
  created_at: Date;
  birth_year: number;
  languages: string[];
  declined: string[];
  blocked: string[];
}

interface TutorRow {
  skill: string;
  id: string;
  birth_year: number;
  languages: string[];
  time_zone: string;
  vetted: boolean;
  verified_coach: boolean;
  level: MasteryLevel | null;
  p_known: number | null;
  busy: boolean;
  asking: boolean;
  sessions_today: number;
  rating_count: number;
  rating_stars: number;
  offers_received: number;
  offers_accepted: number;
  offers_timed_out: number;
  offers_last_hour: Date[];
}

/** The window tutor reliability is measured over (offers received, accepted, let time out). */
const RELIABILITY_WINDOW_DAYS = 30;

/**
 * A tick's two reads, prepared (planning them cost more than running them). Every per-row fact is a LATERAL
 * subquery Postgres cannot flatten (LIMIT, aggregate) or a scalar subquery, so any plan — the generic one
 * included — probes indexes per row. Written as plain joins and EXISTS, the generic plans hashed whole
 * tables (a skill's mastery, every live session) and ran several times slower (docs/decisions.md).
 * $1 request ids.
 */
const REQUEST_FACTS: PreparedSql = {
  name: 'tick_request_facts',
  text: `SELECT h.id, h.learner_id, h.skill_slug, h.state, h.created_at, u.birth_year, u.languages,
              ARRAY(SELECT o.tutor_id FROM tutoring_offers o
                    WHERE o.request_id = h.id AND o.state IN ('DECLINED', 'EXPIRED')) AS declined,
              ARRAY(SELECT b.blocked_id FROM user_blocks b WHERE b.blocker_id = h.learner_id
                    UNION SELECT b.blocker_id FROM user_blocks b WHERE b.blocked_id = h.learner_id) AS blocked
       FROM help_requests h
       CROSS JOIN LATERAL (SELECT birth_year, languages FROM users WHERE id = h.learner_id LIMIT 1) u
       WHERE h.id = ANY($1::uuid[])`,
};

/** $1 tutor ids and $2 skills (parallel arrays: each tutor as a candidate for that skill), $3 the reliability window in days. */
const TUTOR_FACTS: PreparedSql = {
  name: 'tick_tutor_facts',
  text: `SELECT t.skill, u.id, u.birth_year, u.languages, u.time_zone, u.vetted, u.verified_coach, m.level, m.p_known,
              b.busy IS NOT NULL AS busy,
              a.asking IS NOT NULL AS asking,
              (SELECT count(*) FROM tutoring_sessions s WHERE s.tutor_id = u.id AND s.started_at >= d.day_start)::int
                AS sessions_today,
              r.rating_count, r.rating_stars, o.offers_received, o.offers_accepted, o.offers_timed_out, o.offers_last_hour
       FROM unnest($1::uuid[], $2::text[]) AS t(id, skill)
       CROSS JOIN LATERAL (
         SELECT id, birth_year, languages, time_zone, vetted, verified_coach FROM users WHERE id = t.id LIMIT 1) u
       LEFT JOIN LATERAL (
         SELECT level, p_known FROM mastery WHERE user_id = u.id AND skill_slug = t.skill LIMIT 1) m ON true
       -- Midnight on the tutor's clock, worked out once per tutor (not once per session row it is compared with).
       CROSS JOIN LATERAL (
         SELECT date_trunc('day', now() AT TIME ZONE u.time_zone) AT TIME ZONE u.time_zone AS day_start) d
       -- A probe of the one-open-request index per tutor. (As an EXISTS, Postgres may hash every open
       -- request instead — it did while a fresh database's statistics still called the table empty, and
       -- each tick then read all of them.)
       LEFT JOIN LATERAL (
         SELECT 1 AS asking FROM help_requests h
         WHERE h.learner_id = u.id AND h.state IN ('WAITING', 'OFFERED', 'MATCHED') LIMIT 1) a ON true
       -- Probes of the live sessions' partial unique indexes, one per column, for the same reason: as
       -- EXISTS subplans (an OR of two, or one with an OR inside) Postgres hashed every live session.
       LEFT JOIN LATERAL (
         SELECT 1 AS busy FROM tutoring_sessions s WHERE s.state = 'LIVE' AND s.tutor_id = u.id
         UNION ALL SELECT 1 FROM tutoring_sessions s WHERE s.state = 'LIVE' AND s.learner_id = u.id LIMIT 1) b ON true
       -- The learner's rating of each of the tutor's sessions, by primary key (a plain join was planned,
       -- generically, as a scan of every rating per tutor while the table was small).
       CROSS JOIN LATERAL (
         SELECT count(sr.stars)::int AS rating_count, coalesce(sum(sr.stars), 0)::int AS rating_stars
         FROM tutoring_sessions s
         LEFT JOIN LATERAL (
           SELECT stars FROM session_ratings WHERE session_id = s.id AND rater_id = s.learner_id LIMIT 1) sr ON true
         WHERE s.tutor_id = u.id) r
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS offers_received,
                count(*) FILTER (WHERE state = 'ACCEPTED')::int AS offers_accepted,
                count(*) FILTER (WHERE state = 'EXPIRED')::int AS offers_timed_out,
                coalesce(array_agg(created_at) FILTER (WHERE created_at > now() - interval '1 hour'), '{}') AS offers_last_hour
         FROM tutoring_offers WHERE tutor_id = u.id AND created_at > now() - make_interval(days => $3)
           AND state <> 'WITHDRAWN') o`,
};

/**
 * Loads one matching tick's candidates from Postgres in two queries, so every hard filter (proficiency,
 * blocks, declines, age facts, live sessions, offers in the last hour) is judged on committed data rather
 * than on anything cached.
 */
@Injectable()
export class CandidateLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The requests (by id, oldest first) with their Postgres state; only those still WAITING may be offered.
   * A request's blocked users are those the learner blocked and those who blocked the learner, so the
   * tutors need no block lists of their own and both loads can run at once.
   */
  async requests(ids: readonly string[]): Promise<{ candidate: HelpRequestCandidate; state: string }[]> {
    const rows = await preparedRows<RequestRow>(this.db, REQUEST_FACTS, [ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    // Keep the line's order (the caller passes ids oldest first).
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          state: r.state,
          candidate: {
            requestId: r.id,
            learnerId: r.learner_id,
            skillId: r.skill_slug,
            createdAt: r.created_at,
            languages: r.languages,
            learnerBirthYear: r.birth_year,
            blockedUserIds: r.blocked,
            declinedTutorIds: r.declined,
          },
        },
      ];
    });
  }

  /**
   * Each skill's pool of tutors as candidates for that skill, in pool order, with heartbeats from Redis,
   * leaving out anyone with an open help request of their own. One statement for every pool of the tick (a
   * tutor in two pools is loaded once per skill). Blocks travel with the requests (see `requests`).
   */
  async tutors(
    pools: ReadonlyMap<string, readonly { id: string; heartbeatMs: number }[]>,
  ): Promise<Map<string, TutorCandidate[]>> {
    const pairs = [...pools].flatMap(([skill, tutors]) => tutors.map((t) => ({ skill, ...t })));
    const rows = await preparedRows<TutorRow>(this.db, TUTOR_FACTS, [
      pairs.map((p) => p.id),
      pairs.map((p) => p.skill),
      RELIABILITY_WINDOW_DAYS,
    ]);
    const byPair = new Map(rows.map((r) => [`${r.skill}/${r.id}`, r]));
    const candidates = new Map<string, TutorCandidate[]>([...pools.keys()].map((skill) => [skill, []]));
    for (const p of pairs) {
      const r = byPair.get(`${p.skill}/${p.id}`);
      // Someone waiting for help themselves is not there to tutor (their claim would be refused anyway).
      if (!r || r.asking) continue;
      candidates.get(p.skill)!.push({
        tutorId: r.id,
        lastHeartbeatAt: new Date(p.heartbeatMs),
        skills: r.level ? { [p.skill]: { level: r.level, pKnown: r.p_known ?? 0 } } : {},
        languages: r.languages,
        timeZone: r.time_zone,
        birthYear: r.birth_year,
        vetted: r.vetted,
        verifiedCoach: r.verified_coach,
        inLiveSession: r.busy,
        blockedUserIds: [],
        recentOfferTimes: r.offers_last_hour.map((t) => new Date(t)),
        sessionsToday: r.sessions_today,
        ratingCount: r.rating_count,
        ratingStarsTotal: r.rating_stars,
        offers: { received: r.offers_received, accepted: r.offers_accepted, timedOut: r.offers_timed_out },
      });
    }
    return candidates;
  }
}
