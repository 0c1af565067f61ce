using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Huodong.Web.People.Accounts;

/// <summary>What the per-request checks need to know about an account: its security stamp and whether 2FA is on.</summary>
public sealed record AccountState(string? SecurityStamp, bool TwoFactorEnabled);

/// <summary>
/// The account state behind every signed-in request, cached briefly so a request costs no query. Changes made in this
/// process evict the entry at once (<see cref="AccountManager"/>); another instance's change is seen within
/// <see cref="AccountSecurity.StampCheck"/>, the same bound the cookie's security-stamp validator has.
/// </summary>
public sealed class AccountStates(IMemoryCache cache, AccountSecurity settings)
{
    private static string Key(Guid id) => "account-state:" + id;

    public async Task<AccountState?> GetAsync(HuodongDb db, Guid userId, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(userId), out AccountState? state)) return state;
        state = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new AccountState(u.SecurityStamp, u.TwoFactorEnabled)).FirstOrDefaultAsync(ct);
        if (state is not null) cache.Set(Key(userId), state, settings.StampCheck);
        return state;
    }

    public void Forget(Guid userId) => cache.Remove(Key(userId));
}
