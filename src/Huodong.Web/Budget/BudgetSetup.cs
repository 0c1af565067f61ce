namespace Huodong.Web.Budget;

public static class BudgetSetup
{
    public static void AddBudget(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<BudgetOptions>(builder.Configuration.GetSection("Budget"));
        s.AddScoped<RecordExpense>();
        s.AddScoped<DecideExpense>();
        s.AddScoped<AdjustBudget>();
        s.AddScoped<SettleBudget>();
        s.AddScoped<BudgetQueries>();
        s.AddScoped<IActualCost, ActualCost>();
    }
}
