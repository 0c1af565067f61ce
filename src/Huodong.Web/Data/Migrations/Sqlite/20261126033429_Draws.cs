using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huodong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Draws : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Draws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    RewardName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EntrantsJson = table.Column<string>(type: "TEXT", nullable: false),
                    EntrantsCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EntrantsHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublicEntropy = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    WinnersCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RedrawOf = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SealedSeed = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    WinnersJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevealedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevealedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Draws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Draws_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Draws_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Draws_AspNetUsers_RevealedById",
                        column: x => x.RevealedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Draws_Draws_RedrawOf",
                        column: x => x.RedrawOf,
                        principalTable: "Draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Draws_ActivityId_Number",
                table: "Draws",
                columns: new[] { "ActivityId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Draws_CreatedById",
                table: "Draws",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Draws_RedrawOf",
                table: "Draws",
                column: "RedrawOf");

            migrationBuilder.CreateIndex(
                name: "IX_Draws_RevealedById",
                table: "Draws",
                column: "RevealedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Draws");
        }
    }
}
