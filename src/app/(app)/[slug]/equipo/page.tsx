import { TeamPage } from "@/components/shell/team-page";

export const metadata = { title: "Equipo" };

export default function Page() {
  return <TeamPage />;
}
