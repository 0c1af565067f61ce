using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Huodong.Web.Security;

/// <summary>
/// A column sealed with <see cref="FieldProtector"/>; the purpose may depend on the row's key. <paramref name="Mixed"/>
/// columns hold sealed and plain values side by side (survey answers: only those to questions marked personal are
/// sealed), and their plain values are left alone.
/// </summary>
public sealed record SealedColumn(string Column, Func<object[], string> Purpose, bool LegacyPlaintext = false, bool Mixed = false);

/// <summary>A table with sealed columns, walked in key order (keyset pagination) by the re-encryption.</summary>
public sealed record SealedTable(string Table, string[] Keys, Type[] KeyTypes, SealedColumn[] Columns);

/// <summary>Every sealed column in the database: a new encrypted column must be added here to follow rotations.</summary>
public static class SealedColumns
{
    private static Func<object[], string> Fixed(string purpose) => _ => purpose;
    private static Guid GuidOf(object value) => value is Guid g ? g : Guid.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!);

    public static readonly IReadOnlyList<SealedTable> All =
    [
        new("Registrations", ["Id"], [typeof(Guid)],
        [
            new("RealNameProtected", Fixed(RegisterMember.NamePurpose)),
            new("PhoneProtected", Fixed(RegisterMember.PhonePurpose)),
            new("EmailProtected", Fixed(RegisterMember.EmailPurpose)),
            new("AnswersJson", Fixed(RegisterMember.AnswersPurpose)),
        ]),
        new("Awards", ["Id"], [typeof(Guid)], [new("ShippingAddress", k => AwardChanges.AddressPurpose(GuidOf(k[0])))]),
        new("Draws", ["Id"], [typeof(Guid)], [new("SealedSeed", k => CreateDraw.SeedPurpose(GuidOf(k[0])))]),
        new("Activities", ["Id"], [typeof(Guid)],
        [
            new("WorkingPlanJson", Fixed(ConfidentialModel.WorkingPlanPurpose), LegacyPlaintext: true),
            new("ApprovedPlanJson", Fixed(ConfidentialModel.ApprovedPlanPurpose), LegacyPlaintext: true),
        ]),
        new("PlanVersions", ["ActivityId", "Number"], [typeof(Guid), typeof(int)],
            [new("PlanJson", Fixed(ConfidentialModel.VersionPlanPurpose), LegacyPlaintext: true)]),
        new("Reviews", ["Id"], [typeof(Guid)],
        [
            new("Comment", Fixed(ConfidentialModel.ReviewCommentPurpose), LegacyPlaintext: true),
            new("PointsJson", Fixed(ConfidentialModel.ReviewPointsPurpose), LegacyPlaintext: true),
        ]),
        new("Transitions", ["Id"], [typeof(long)], [new("Note", Fixed(ConfidentialModel.TransitionNotePurpose), LegacyPlaintext: true)]),
        new("SurveyAnswers", ["Id"], [typeof(long)], [new("Text", Fixed(Evaluation.Surveys.AnswerSurvey.AnswerPurpose), Mixed: true)]),
        new("FeedbackThreads", ["Id"], [typeof(Guid)], [new("Body", Fixed(Evaluation.Feedback.FeedbackInbox.Purpose))]),
        new("FeedbackReplies", ["Id"], [typeof(Guid)], [new("Body", Fixed(Evaluation.Feedback.FeedbackInbox.Purpose))]),
        // The account's own data (AccountDataProtector); rows from before it are sealed at start (AccountSealing), and
        // a plain value the run still meets is sealed on the way. The lookup hashes beside them use the index key,
        // which does not rotate.
        new("AspNetUsers", ["Id"], [typeof(Guid)],
        [
            new("UserName", Fixed(AccountDataProtector.Purpose), LegacyPlaintext: true),
            new("Email", Fixed(AccountDataProtector.Purpose), LegacyPlaintext: true),
            new("PhoneNumber", Fixed(AccountDataProtector.Purpose), LegacyPlaintext: true),
        ]),
        new("AspNetUserTokens", ["UserId", "LoginProvider", "Name"], [typeof(Guid), typeof(string), typeof(string)],
            [new("Value", Fixed(AccountDataProtector.Purpose), LegacyPlaintext: true)]),
    ];
}

/// <summary>Where the re-encryption of one table stands: rows seen, rows resealed, and the key of the last row done.</summary>
public sealed class ReencryptionProgress
{
    private ReencryptionProgress() { }
    public ReencryptionProgress(string table, string targetKeyId, long total, DateTimeOffset at) =>
        (Table, TargetKeyId, Total, StartedAt, UpdatedAt) = (table, targetKeyId, total, at, at);

    public string Table { get; private set; } = "";
    public string TargetKeyId { get; private set; } = "";
    public long Total { get; private set; }
    public long Done { get; private set; }
    public long Resealed { get; private set; }
    /// <summary>JSON array of the last done row's key values (as text); null before the first batch.</summary>
    public string? Cursor { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public bool Completed => CompletedAt is not null;
    public int Percent => Completed ? 100 : Total == 0 ? 0 : (int)Math.Min(99, Done * 100 / Total);

    public void Advance(int rows, int resealed, string? cursor, DateTimeOffset at)
    {
        Done += rows;
        Resealed += resealed;
        if (cursor is not null) Cursor = cursor;
        if (Done > Total) Total = Done; // rows added while the run goes
        UpdatedAt = at;
    }

    public void Complete(DateTimeOffset at) => (CompletedAt, UpdatedAt) = (at, at);

    public void Restart(string targetKeyId, long total, DateTimeOffset at) =>
        (TargetKeyId, Total, Done, Resealed, Cursor, StartedAt, UpdatedAt, CompletedAt) = (targetKeyId, total, 0, 0, null, at, at, null);
}

/// <summary>
/// Re-encrypts every sealed column to the active key, in batches (one transaction each, keyset pagination, the
/// position saved with the batch), so it runs beside live instances and resumes where it stopped. A row changed by
/// the app between the read and the write is left alone (the update is conditional on the old value): the app wrote it
/// with its own active key, and a later run catches it if that key was still the old one. Legacy plaintext in plan
/// columns is sealed on the way.
/// </summary>
public sealed class Reencryption(HuodongDb db, FieldProtector protector, KeyRing ring, AuditLog audit, TimeProvider time)
{
    public const int DefaultBatch = 500;

    public Task<List<ReencryptionProgress>> ProgressAsync(CancellationToken ct) =>
        db.Set<ReencryptionProgress>().AsNoTracking().OrderBy(p => p.Table).ToListAsync(ct);

    /// <summary>
    /// Prepares a run to the active key: tables already on their way to it keep their position (a resumed run);
    /// others start from the beginning. Returns false when every table is already done for this key.
    /// </summary>
    public async Task<bool> StartAsync(Guid? actorId, bool again, CancellationToken ct)
    {
        var target = ring.ActiveKeyId;
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Set<ReencryptionProgress>().ToDictionaryAsync(p => p.Table, ct);
        var started = false;
        foreach (var table in SealedColumns.All)
        {
            var total = await CountAsync(table, tx, ct);
            if (!rows.TryGetValue(table.Table, out var row))
            {
                db.Add(new ReencryptionProgress(table.Table, target, total, now));
                started = true;
            }
            else if (row.TargetKeyId != target || (again && row.Completed))
            {
                row.Restart(target, total, now);
                started = true;
            }
            else if (!row.Completed) started = true;
        }
        if (started)
            await audit.AppendAsync(actorId, "keys.reencryption-started", "key-ring", target, new { target }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return started;
    }

    /// <summary>Runs every unfinished table to the end, <paramref name="batch"/> rows per transaction.</summary>
    public async Task RunAsync(int batch, Action<ReencryptionProgress>? report, CancellationToken ct)
    {
        var open = await db.Set<ReencryptionProgress>().AsNoTracking().Where(p => p.CompletedAt == null)
            .Select(p => p.Table).ToListAsync(ct);
        foreach (var table in SealedColumns.All.Where(t => open.Contains(t.Table)))
            while (await RunBatchAsync(table, batch, ct) is { } progress)
            {
                report?.Invoke(progress);
                if (progress.Completed) break;
            }
    }

    /// <summary>One batch of one table; null when the table has no unfinished run.</summary>
    public async Task<ReencryptionProgress?> RunBatchAsync(SealedTable table, int batch, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var progress = await db.Set<ReencryptionProgress>().SingleOrDefaultAsync(p => p.Table == table.Table, ct);
        if (progress is null || progress.Completed) return null;
        var cursor = progress.Cursor is null ? null : JsonSerializer.Deserialize<string[]>(progress.Cursor);
        var rows = await ReadBatchAsync(table, cursor, batch, tx, ct);
        var resealed = 0;
        foreach (var (keys, values) in rows)
            for (var i = 0; i < table.Columns.Length; i++)
            {
                if (values[i] is not { } stored) continue;
                var column = table.Columns[i];
                if (column.Mixed && !protector.IsProtected(stored)) continue;
                var fresh = protector.Reseal(stored, column.Purpose(keys), column.LegacyPlaintext);
                if (fresh is null) continue;
                resealed += await UpdateAsync(table, column.Column, keys, stored, fresh, tx, ct);
            }
        var now = time.GetUtcNow();
        var last = rows.Count > 0
            ? JsonSerializer.Serialize(rows[^1].Keys.Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)).ToArray())
            : null;
        progress.Advance(rows.Count, resealed, last, now);
        if (rows.Count < batch)
        {
            progress.Complete(now);
            await audit.AppendAsync(null, "keys.reencryption-completed", "table", table.Table,
                new { target = progress.TargetKeyId, rows = progress.Done, resealed = progress.Resealed }, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return progress;
    }

    private async Task<long> CountAsync(SealedTable table, IDbContextTransaction tx, CancellationToken ct)
    {
        await using var cmd = Command($"SELECT COUNT(*) FROM {Q(table.Table)}", tx);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private async Task<List<(object[] Keys, string?[] Values)>> ReadBatchAsync(SealedTable table, string[]? cursor, int batch,
        IDbContextTransaction tx, CancellationToken ct)
    {
        var keys = string.Join(", ", table.Keys.Select(Q));
        var columns = string.Join(", ", table.Columns.Select(c => Q(c.Column)));
        var where = cursor is null ? ""
            : table.Keys.Length == 1 ? $"WHERE {Q(table.Keys[0])} > @k0"
            : $"WHERE ({keys}) > ({string.Join(", ", table.Keys.Select((_, i) => $"@k{i}"))})";
        await using var cmd = Command($"SELECT {keys}, {columns} FROM {Q(table.Table)} {where} ORDER BY {keys} LIMIT {batch}", tx);
        if (cursor is not null)
            for (var i = 0; i < table.Keys.Length; i++) Add(cmd, $"@k{i}", KeyValue(table.KeyTypes[i], cursor[i]));
        var rows = new List<(object[], string?[])>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var k = Enumerable.Range(0, table.Keys.Length).Select(reader.GetValue).ToArray();
            var v = Enumerable.Range(table.Keys.Length, table.Columns.Length)
                .Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray();
            rows.Add((k, v));
        }
        return rows;
    }

    private async Task<int> UpdateAsync(SealedTable table, string column, object[] keys, string old, string fresh,
        IDbContextTransaction tx, CancellationToken ct)
    {
        var match = string.Join(" AND ", table.Keys.Select((k, i) => $"{Q(k)} = @k{i}"));
        await using var cmd = Command($"UPDATE {Q(table.Table)} SET {Q(column)} = @new WHERE {match} AND {Q(column)} = @old", tx);
        for (var i = 0; i < keys.Length; i++) Add(cmd, $"@k{i}", keys[i]);
        Add(cmd, "@new", fresh);
        Add(cmd, "@old", old);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A saved cursor value back to what the provider compares the key column with.</summary>
    private object KeyValue(Type type, string text) =>
        type == typeof(Guid) ? db.Database.IsNpgsql() ? Guid.Parse(text) : text
        : type == typeof(string) ? text
        : type == typeof(int) ? int.Parse(text, CultureInfo.InvariantCulture)
        : long.Parse(text, CultureInfo.InvariantCulture);

    private DbCommand Command(string sql, IDbContextTransaction tx)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx.GetDbTransaction();
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static string Q(string identifier) => $"\"{identifier}\"";

    public static void Configure(ModelBuilder b) => b.Entity<ReencryptionProgress>(e =>
    {
        e.ToTable("ReencryptionProgress");
        e.HasKey(p => p.Table);
        e.Property(p => p.Table).HasMaxLength(100);
        e.Property(p => p.TargetKeyId).HasMaxLength(100);
        e.Property(p => p.Cursor).HasMaxLength(400);
        e.Ignore(p => p.Completed);
        e.Ignore(p => p.Percent);
    });
}
