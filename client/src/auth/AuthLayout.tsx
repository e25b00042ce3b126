/** The frame of the signed-out pages: the product mark over a single centred card. */
import type { ReactNode } from 'react'
import { BriefingMark } from '../ui/icons'

interface AuthLayoutProps {
  title: string
  subtitle?: ReactNode
  children: ReactNode
  /** Under the card: the way to the other form ("No account yet? Create one"). */
  footer?: ReactNode
}

export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  return (
    <main className="auth-page">
      <div className="auth-page__brand">
        <BriefingMark />
        <span>Briefing</span>
      </div>
      <section className="auth-card" aria-labelledby="auth-title">
        <h1 id="auth-title" className="auth-card__title">
          {title}
        </h1>
        {subtitle && <p className="auth-card__subtitle">{subtitle}</p>}
        {children}
      </section>
      {footer && <p className="auth-page__footer">{footer}</p>}
    </main>
  )
}
