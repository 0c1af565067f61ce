using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

/// <summary>What the run leaves behind: versions of the parts, and counts straight from the database.</summary>
static partial class Bench
{
    public static int Versions()
    {
        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT sqlite_version()";
        Console.WriteLine($"runtime={System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.Replace(' ', '_')} " +
                          $"sqlite={cmd.ExecuteScalar()} npgsql={typeof(NpgsqlConnection).Assembly.GetName().Version} " +
                          $"efcore={typeof(DbContext).Assembly.GetName().Version}");
        return 0;
    }

    /// <summary>Counts straight from the database: places, rows, duplicates, and whether the counters agree.</summary>
    public static async Task<int> CountAsync(Args a)
    {
        var id = Guid.Parse(a["activity"]);
        await using var db = Db(a);
        var regs = db.Registrations.Where(r => r.ActivityId == id);
        var confirmed = await regs.CountAsync(r => r.Status == RegistrationStatus.Confirmed);
        var waitlisted = await regs.CountAsync(r => r.Status == RegistrationStatus.Waitlisted);
        var rows = await regs.CountAsync();
        var duplicateMembers = await regs.GroupBy(r => r.MemberId).Where(g => g.Count() > 1).CountAsync();
        var duplicateNumbers = await regs.GroupBy(r => r.Number).Where(g => g.Count() > 1).CountAsync();
        var duplicatePhones = await regs.GroupBy(r => r.Contact.PhoneIndex).Where(g => g.Count() > 1).CountAsync();
        var seats = await db.ActivitySeats.Where(s => s.ActivityId == id)
            .Select(s => new { s.Capacity, s.Confirmed, s.Waitlisted }).SingleAsync();
        var events = await db.ActivityEvents.CountAsync(e => e.ActivityId == id && e.Kind == ActivityEventKind.Registered);
        Console.WriteLine($"capacity={seats.Capacity} confirmed={confirmed} waitlisted={waitlisted} rows={rows} " +
                          $"seats_confirmed={seats.Confirmed} seats_waitlisted={seats.Waitlisted} registered_events={events} " +
                          $"duplicate_members={duplicateMembers} duplicate_numbers={duplicateNumbers} duplicate_phones={duplicatePhones}");
        return 0;
    }
}
