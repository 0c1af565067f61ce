using System.Text.Json;
using Huodong.Web.Data;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Audit;

/// <summary>
/// Appends to the hash chain inside the caller's transaction. Appends are serialised: on PostgreSQL by a
/// transaction-scoped advisory lock, on SQLite by the write lock every write transaction takes at BEGIN IMMEDIATE.
/// The sequence is the primary key, so even a missed lock can only fail a write, never fork the chain.
/// </summary>
public sealed class AuditLog(HuodongDb db, TimeProvider time)
{
    private const long ChainLockKey = 0x4855_4F44_4F4E_47; // "HUODONG"

    public async Task AppendAsync(Guid? actorId, string code, string subjectType, string subjectId, object? data = null,
        CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Audit entries are written inside the state change's transaction.");
        await LockChainAsync(db, ct);

        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity).OrderByDescending(e => e.Sequence).FirstOrDefault();
        var last = pending ?? await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        var json = data is null ? null : JsonSerializer.Serialize(data, JsonSerializerOptions.Web);
        db.AuditEntries.Add(new AuditEntry((last?.Sequence ?? 0) + 1, time.UtcNow(), actorId, code, subjectType,
            subjectId, json, last?.Hash ?? AuditEntry.GenesisHash));
    }

    /// <summary>
    /// Takes the chain's lock now rather than at the append (PostgreSQL; SQLite's write lock is taken at BEGIN). A use
    /// case that locks a row with an immediate UPDATE before it appends must call this first: otherwise it holds the row
    /// and waits for the chain while another holds the chain and waits for the row at its save — a deadlock. Taking it
    /// twice in one transaction is harmless.
    /// </summary>
    public static async Task LockChainAsync(HuodongDb db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", ct);
    }

    /// <summary>Recomputes the whole chain in order; the first entry whose hash or link does not match breaks it.</summary>
    public async Task<ChainCheck> VerifyAsync(CancellationToken ct = default)
    {
        var previous = AuditEntry.GenesisHash;
        long expected = 1, count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expected)
                return new ChainCheck(false, count, entry.Sequence, "missing-entry");
            if (entry.PreviousHash != previous)
                return new ChainCheck(false, count, entry.Sequence, "broken-link");
            if (entry.ComputeHash() != entry.Hash)
                return new ChainCheck(false, count, entry.Sequence, "altered-entry");
            previous = entry.Hash;
            expected++;
            count++;
        }
        return new ChainCheck(true, count, null, null);
    }
}

public sealed record ChainCheck(bool Ok, long Entries, long? BrokenAt, string? Reason);
