using Huodong.Web.Security.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Security;

public abstract partial class SecurityAlertsApiTests
{
    [Fact]
    public async Task Sign_in_attempts_older_than_thirty_days_are_pruned_and_newer_ones_kept()
    {
        var key = $"prune-{Guid.NewGuid():N}";
        await App.WithDb(async db =>
        {
            db.Add(new SignInAttempt(DateTimeOffset.UtcNow.AddDays(-31), false, key, null));
            db.Add(new SignInAttempt(DateTimeOffset.UtcNow.AddDays(-29), false, key, null));
            await db.SaveChangesAsync(Ct);
        });

        using (var scope = App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SignInWatch>().PruneAsync(Ct);

        var left = await App.WithDb(db => db.Set<SignInAttempt>().Where(a => a.AccountHash == key).ToListAsync(Ct));
        var kept = Assert.Single(left);
        Assert.True(kept.At > DateTimeOffset.UtcNow.AddDays(-30));
    }
}
