using System.Globalization;
using Dapper;
using EcosystemMarket.Contracts.V1;
using EcosystemMarket.Matching.Model;
using Microsoft.Data.Sqlite;

namespace EcosystemMarket.MatchingBenchmark;

/// <summary>A row of the SQL ranking; set by Dapper by name (an empty result types its columns as BLOB, which rules out constructor mapping).</summary>
public sealed class SqlCandidate
{
    public string PartnerId { get; init; } = "";
    public string Name { get; init; } = "";
    public long Musts { get; init; }
    public long Nices { get; init; }
    public double Score { get; init; }
}

/// <summary>
/// The relational alternative to the index: the same ecosystem in SQLite tables (WAL, a generous page cache,
/// capabilities stored under every key as the index stores them) and one SQL statement per match request that
/// ranks as <see cref="ComplementRanker"/> does: covered must-haves, covered nice-to-haves, then proficiency,
/// valid certifications, region, vertical, tier, track record and wins with the owner.
/// </summary>
public sealed class SqlMatcher : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA cache_size = -524288;
        PRAGMA mmap_size = 2147483648;
        PRAGMA temp_store = MEMORY;
        CREATE TABLE partners (
            id INTEGER PRIMARY KEY, partner_id TEXT NOT NULL, name TEXT NOT NULL, active INTEGER NOT NULL,
            tier_points INTEGER NOT NULL, record_points REAL NOT NULL);
        CREATE TABLE partner_capabilities (partner INTEGER NOT NULL, code TEXT NOT NULL, level INTEGER NOT NULL);
        CREATE TABLE partner_regions (partner INTEGER NOT NULL, region TEXT NOT NULL);
        CREATE TABLE partner_verticals (partner INTEGER NOT NULL, vertical TEXT NOT NULL);
        CREATE TABLE certifications (id INTEGER PRIMARY KEY, partner INTEGER NOT NULL, vendor TEXT NOT NULL, issued_on TEXT NOT NULL, expires_on TEXT);
        CREATE TABLE certification_capabilities (partner INTEGER NOT NULL, code TEXT NOT NULL, certification INTEGER NOT NULL);
        CREATE TABLE pair_wins (owner INTEGER NOT NULL, partner INTEGER NOT NULL, wins INTEGER NOT NULL);
        """;

    // Indexes are built after the bulk load (a sort instead of random B-tree inserts); each covers its lookups.
    private const string Indexes = """
        CREATE UNIQUE INDEX ix_partners_partner_id ON partners (partner_id);
        CREATE UNIQUE INDEX ix_partner_capabilities ON partner_capabilities (code, partner, level);
        CREATE UNIQUE INDEX ix_partner_regions ON partner_regions (partner, region);
        CREATE UNIQUE INDEX ix_partner_verticals ON partner_verticals (partner, vertical);
        CREATE UNIQUE INDEX ix_certification_capabilities ON certification_capabilities (partner, code, certification);
        CREATE UNIQUE INDEX ix_pair_wins ON pair_wins (owner, partner, wins);
        ANALYZE;
        """;

    private readonly SqliteConnection _connection;
    private readonly Dictionary<int, string> _statements = [];

    private SqlMatcher(string path)
    {
        Path = path;
        _connection = new SqliteConnection($"Data Source={path}");
        _connection.Open();
    }

    public string Path { get; }

    public static SqlMatcher Create(string directory) => new(System.IO.Path.Combine(directory, "matching-benchmark.db"));

    public long RowCount(string table) => _connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}");

    public void Load(IReadOnlyList<PartnerSnapshot> partners, TrackRecord record, IEnumerable<TeamWin> wins)
    {
        _connection.Execute(Schema);
        using var transaction = _connection.BeginTransaction();
        var insertPartner = Prepare(transaction, "INSERT INTO partners VALUES ($1, $2, $3, $4, $5, $6)");
        var insertCapability = Prepare(transaction, "INSERT INTO partner_capabilities VALUES ($1, $2, $3)");
        var insertRegion = Prepare(transaction, "INSERT INTO partner_regions VALUES ($1, $2)");
        var insertVertical = Prepare(transaction, "INSERT INTO partner_verticals VALUES ($1, $2)");
        var insertCertification = Prepare(transaction, "INSERT INTO certifications VALUES ($1, $2, $3, $4, $5)");
        var insertCertified = Prepare(transaction, "INSERT INTO certification_capabilities VALUES ($1, $2, $3)");
        var insertPairWins = Prepare(transaction, "INSERT INTO pair_wins VALUES ($1, $2, $3)");

        var ids = new Dictionary<Guid, long>(partners.Count);
        var certificationId = 0L;
        for (var i = 0; i < partners.Count; i++)
        {
            var partner = partners[i];
            var id = i + 1L;
            ids[partner.PartnerId] = id;
            Run(insertPartner, id, Text(partner.PartnerId), partner.Name, partner.Active ? 1 : 0, TierPoints(partner.Tier), RecordPoints(record.For(partner.PartnerId)));

            var levels = new Dictionary<string, byte>(StringComparer.Ordinal);
            foreach (var capability in partner.Capabilities)
            {
                var level = Proficiency.Level(capability.Proficiency);
                foreach (var key in IndexedPartner.SelfAndAncestors(capability.Code))
                {
                    levels[key] = Math.Max(levels.GetValueOrDefault(key), level);
                }
            }
            foreach (var (code, level) in levels)
            {
                Run(insertCapability, id, code, (long)level);
            }
            foreach (var region in partner.Regions.Distinct())
            {
                Run(insertRegion, id, region);
            }
            foreach (var vertical in partner.Verticals.Distinct())
            {
                Run(insertVertical, id, vertical);
            }
            foreach (var certification in partner.Certifications)
            {
                certificationId++;
                Run(insertCertification, certificationId, id, certification.Vendor, Day(certification.IssuedOn),
                    certification.ExpiresOn is { } expires ? Day(expires) : null);
                foreach (var key in certification.Capabilities.SelectMany(IndexedPartner.SelfAndAncestors).Distinct(StringComparer.Ordinal))
                {
                    Run(insertCertified, id, key, certificationId);
                }
            }
        }
        // A win counts once per (opportunity, partner), as the track record counts it.
        foreach (var pair in wins.DistinctBy(w => (w.OpportunityId, w.PartnerId)).GroupBy(w => (w.OwnerPartnerId, w.PartnerId)))
        {
            if (ids.TryGetValue(pair.Key.OwnerPartnerId, out var owner) && ids.TryGetValue(pair.Key.PartnerId, out var partner))
            {
                Run(insertPairWins, owner, partner, (long)pair.Count());
            }
        }
        transaction.Commit();
        _connection.Execute(Indexes);
    }

    public List<SqlCandidate> Find(MatchRequest request)
    {
        var needs = request.Needs;
        var parameters = new DynamicParameters();
        parameters.Add("owner", Text(request.OwnerPartnerId));
        for (var i = 0; i < needs.Count; i++)
        {
            parameters.Add($"n{i}", needs[i].Capability);
            parameters.Add($"m{i}", needs[i].MustHave ? 1 : 0);
        }
        parameters.Add("region", request.Region);
        parameters.Add("vertical", request.Vertical);
        parameters.Add("today", Day(Ecosystem.Today));
        parameters.Add("limit", request.Limit);
        return _connection.Query<SqlCandidate>(Statement(needs.Count), parameters).AsList();
    }

    public string Statement(int needCount)
    {
        if (!_statements.TryGetValue(needCount, out var sql))
        {
            var values = string.Join(", ", Enumerable.Range(0, needCount).Select(i => $"(@n{i}, @m{i})"));
            _statements[needCount] = sql = $"""
                WITH needs (code, must) AS (VALUES {values}),
                owner AS (SELECT id FROM partners WHERE partner_id = @owner),
                lacking AS (
                    SELECT n.code, MAX(n.must) AS must FROM needs n
                    WHERE NOT EXISTS (SELECT 1 FROM partner_capabilities pc JOIN owner o ON pc.partner = o.id WHERE pc.code = n.code)
                    GROUP BY n.code),
                coverage AS (
                    SELECT pc.partner, SUM(l.must) AS musts, COUNT(*) - SUM(l.must) AS nices, AVG(pc.level) AS average_level
                    FROM lacking l JOIN partner_capabilities pc ON pc.code = l.code
                    GROUP BY pc.partner),
                scored AS (
                    SELECT p.partner_id, p.name, c.musts, c.nices, ROUND(
                        c.musts * 1000 + c.nices * 100 + ROUND(c.average_level * 5, 1)
                        + 5 * MIN(4, (
                            SELECT COUNT(DISTINCT ce.vendor COLLATE NOCASE) FROM lacking l
                            JOIN partner_capabilities pc ON pc.code = l.code AND pc.partner = c.partner
                            JOIN certification_capabilities cc ON cc.partner = c.partner AND cc.code = l.code
                            JOIN certifications ce ON ce.id = cc.certification
                            WHERE ce.issued_on <= @today AND (ce.expires_on IS NULL OR ce.expires_on >= @today)))
                        + CASE WHEN EXISTS (SELECT 1 FROM partner_regions r WHERE r.partner = p.id AND r.region = @region) THEN 10 ELSE 0 END
                        + CASE WHEN EXISTS (SELECT 1 FROM partner_verticals v WHERE v.partner = p.id AND v.vertical = @vertical) THEN 10 ELSE 0 END
                        + p.tier_points + p.record_points
                        + COALESCE((SELECT 3 * MIN(3, w.wins) FROM pair_wins w JOIN owner o ON w.owner = o.id WHERE w.partner = p.id), 0), 1) AS score
                    FROM coverage c JOIN partners p ON p.id = c.partner
                    WHERE p.active = 1 AND p.id NOT IN (SELECT id FROM owner))
                SELECT partner_id AS PartnerId, name AS Name, musts AS Musts, nices AS Nices, score AS Score
                FROM scored ORDER BY score DESC, name, partner_id LIMIT @limit
                """;
        }
        return sql;
    }

    public string Plan(int needCount) => string.Join(Environment.NewLine,
        _connection.Query<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + Statement(needCount), PlanParameters(needCount))
            .Select(step => "    " + step.Detail));

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private static DynamicParameters PlanParameters(int needCount)
    {
        var parameters = new DynamicParameters(new { owner = "", region = "", vertical = "", today = "", limit = 20 });
        for (var i = 0; i < needCount; i++)
        {
            parameters.Add($"n{i}", "");
            parameters.Add($"m{i}", 0);
        }
        return parameters;
    }

    private static int TierPoints(string tier) => tier switch { "ready" => 3, "advanced" => 6, "premier" => 10, _ => 0 };

    /// <summary>Responsiveness and win rate as <see cref="ComplementRanker"/> scores them, kept per partner as a derived column.</summary>
    private static double RecordPoints(PartnerRecord record)
    {
        if (record.Invited == 0)
        {
            return 0;
        }
        var speed = record.MedianResponse switch
        {
            { TotalHours: <= 24 } => 4,
            { TotalHours: <= 72 } => 2,
            _ => 0,
        };
        var points = Math.Round(6.0 * record.Accepted / record.Invited + speed, 1);
        return record.Accepted > 0 ? points + Math.Round(5.0 * Math.Min(1, (double)record.Wins / record.Accepted), 1) : points;
    }

    private static string Text(Guid id) => id.ToString("D");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private SqliteCommand Prepare(SqliteTransaction transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var count = sql.Count(c => c == '$');
        for (var i = 1; i <= count; i++)
        {
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        }
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }
}
