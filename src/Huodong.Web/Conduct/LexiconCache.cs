using Huodong.Web.Conduct.Filter;
using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Conduct;

/// <summary>
/// The built filter, shared by the requests of this instance and rebuilt when the lexicon's version stamp in the
/// database moves (a change made on any instance). Each check costs one small read of the stamp.
/// </summary>
public sealed class LexiconCache(IOptions<ConductOptions> options)
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private (long Version, ContentFilter Filter)? _current;

    public async Task<ContentFilter> FilterAsync(HuodongDb db, CancellationToken ct)
    {
        var version = await db.LexiconStamps.AsNoTracking().Where(s => s.Id == 1).Select(s => s.Version).FirstOrDefaultAsync(ct);
        if (_current is { } c && c.Version == version) return c.Filter;
        await _rebuild.WaitAsync(ct);
        try
        {
            if (_current is { } again && again.Version == version) return again.Filter;
            var terms = await db.ConductTerms.AsNoTracking()
                .Select(t => new FilterTerm(t.Term, t.Action, t.Category)).ToListAsync(ct);
            var filter = new ContentFilter(terms, options.Value.Advertising);
            _current = (version, filter);
            return filter;
        }
        finally { _rebuild.Release(); }
    }
}
