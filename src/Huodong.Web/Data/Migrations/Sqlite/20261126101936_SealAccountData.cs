using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huodong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealAccountData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.UpdateData(
                table: "AspNetUsers",
                keyColumn: "Id",
                keyValue: new Guid("5c4ed01e-0000-4000-8000-000000000001"),
                columns: new[] { "NormalizedUserName", "UserName" },
                values: new object[] { null, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.UpdateData(
                table: "AspNetUsers",
                keyColumn: "Id",
                keyValue: new Guid("5c4ed01e-0000-4000-8000-000000000001"),
                columns: new[] { "NormalizedUserName", "UserName" },
                values: new object[] { "SCHEDULER.SYSTEM", "scheduler.system" });
        }
    }
}
