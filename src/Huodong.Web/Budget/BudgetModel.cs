using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Budget;

/// <summary>The budget tables. Money columns are whole fen (<see cref="Money"/>).</summary>
public static class BudgetModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<BudgetAllocation>(e =>
        {
            e.ToTable("BudgetAllocations");
            e.HasKey(l => new { l.ActivityId, l.Category });
            e.Property(l => l.Category).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Activity>().WithMany().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<BudgetRevision>(e =>
        {
            e.ToTable("BudgetRevisions");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Category).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.Reason).HasMaxLength(Expense.MaxReason);
            e.HasIndex(r => new { r.ActivityId, r.Category, r.Version }).IsUnique();
            e.HasOne<Activity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ById).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<BudgetAdjustment>(e =>
        {
            e.ToTable("BudgetAdjustments");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Category).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.Reason).HasMaxLength(Expense.MaxReason);
            e.Property(a => a.DecisionComment).HasMaxLength(Expense.MaxReason);
            e.Property(a => a.Revision).IsConcurrencyToken();
            e.Ignore(a => a.IsLowering);
            e.HasIndex(a => new { a.ActivityId, a.Status });
            e.HasOne<Activity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.RequestedById).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.DecidedById).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Expense>(e =>
        {
            e.ToTable("Expenses");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Payee).HasMaxLength(Expense.MaxPayee);
            e.Property(x => x.Purpose).HasMaxLength(Expense.MaxPurpose);
            e.Property(x => x.DecisionReason).HasMaxLength(Expense.MaxReason);
            e.Property(x => x.PaymentReference).HasMaxLength(Expense.MaxReference);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.Ignore(x => x.Amount);
            e.Ignore(x => x.IsActual);
            e.Ignore(x => x.IsPending);
            e.HasIndex(x => new { x.ActivityId, x.Status });
            e.HasIndex(x => new { x.Status, x.SpentOn });
            e.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Voucher>(e =>
        {
            e.ToTable("Vouchers");
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).ValueGeneratedNever();
            e.Property(v => v.FileName).HasMaxLength(Voucher.MaxFileName);
            e.Property(v => v.ContentType).HasMaxLength(50);
            e.Property(v => v.Sha256).HasMaxLength(64);
            e.HasIndex(v => v.Sha256);
            e.HasIndex(v => v.ExpenseId);
            e.HasOne<Expense>().WithMany().HasForeignKey(v => v.ExpenseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(v => v.UploadedById).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Settlement>(e =>
        {
            e.ToTable("Settlements");
            e.HasKey(s => s.ActivityId);
            e.Property(s => s.Summary).HasMaxLength(SettleBudget.MaxExplanation);
            e.Ignore(s => s.Lines);
            e.HasOne<Activity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.SettledById).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
