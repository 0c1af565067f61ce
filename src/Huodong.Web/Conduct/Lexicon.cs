using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Conduct;

/// <summary>
/// The lexicon: moderators and admins add and remove terms. Each change moves the version stamp in the same
/// transaction, so every instance's cached filter is rebuilt on its next check; each change is audited.
/// </summary>
public sealed class Lexicon(HuodongDb db, AuditLog audit, TimeProvider time)
{
    public async Task<Result<List<TermView>>> ListAsync(Actor actor, CancellationToken ct)
    {
        if (!ConductPermissions.CanModerate(actor)) return Error.Forbidden;
        return await db.ConductTerms.AsNoTracking().OrderBy(t => t.Category).ThenBy(t => t.Term)
            .Select(t => new TermView(t.Id, t.Term, t.Action, t.Category, t.CreatedAt)).ToListAsync(ct);
    }

    public async Task<Result<TermView>> AddAsync(Actor actor, string? term, string? action, string? category, CancellationToken ct)
    {
        if (!ConductPermissions.CanModerate(actor)) return Error.Forbidden;
        var errors = new Dictionary<string, string[]>();
        var text = term?.Trim();
        if (string.IsNullOrEmpty(text)) errors["term"] = ["Required."];
        else if (text.Length > ConductTerm.MaxTerm) errors["term"] = ["Must be at most 100 characters."];
        else if (Filter.TextNormalizer.Fold(text).Length == 0) errors["term"] = ["The term must contain letters or digits."];
        if (!EnumNames.TryParse<ConductAction>(action, out var a)) errors["action"] = ["Choose Block, Hold or Flag."];
        var c = ConductCategory.Other;
        if (!string.IsNullOrEmpty(category) && !EnumNames.TryParse(category, out c)) errors["category"] = ["Unknown category."];
        if (errors.Count > 0) return Error.Validation(errors);

        var entry = new ConductTerm(text!, a, c, actor.Id, time.UtcNow());
        if (await db.ConductTerms.AnyAsync(t => t.Normalized == entry.Normalized, ct)) return ConductErrors.DuplicateTerm;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ConductTerms.Add(entry);
        await BumpAsync(ct);
        await audit.AppendAsync(actor.Id, "conduct.term.added", "term", entry.Id.ToString(),
            new { entry.Action, entry.Category }, ct); // the term itself stays out of the chain's readable data
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return ConductErrors.DuplicateTerm; } // the same term added concurrently
        await tx.CommitAsync(ct);
        return new TermView(entry.Id, entry.Term, entry.Action, entry.Category, entry.CreatedAt);
    }

    public async Task<Result> RemoveAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!ConductPermissions.CanModerate(actor)) return Error.Forbidden;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = await db.ConductTerms.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (entry is null) return ConductErrors.TermNotFound;
        db.ConductTerms.Remove(entry);
        await BumpAsync(ct);
        await audit.AppendAsync(actor.Id, "conduct.term.removed", "term", id.ToString(), new { entry.Action, entry.Category }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok;
    }

    /// <summary>Used by the demo seed: adds terms without an actor's permission check, one version bump.</summary>
    public async Task SeedAsync(IEnumerable<(string Term, ConductAction Action, ConductCategory Category)> terms, Guid by, CancellationToken ct)
    {
        var now = time.UtcNow();
        foreach (var (term, action, category) in terms) db.ConductTerms.Add(new ConductTerm(term, action, category, by, now));
        await BumpAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    private Task<int> BumpAsync(CancellationToken ct) =>
        db.LexiconStamps.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), ct);
}

public sealed record TermView(Guid Id, string Term, ConductAction Action, ConductCategory Category, DateTimeOffset CreatedAt);
