#-------------------------------------------------------------------#
# SISTEMA.: LOGIX - VENDAS                                          #
# PROGRAMA: vdp9120 - CONTRATOS DE VENDA (exemplo sintético)        #
# OBS.....: o LOG_initApp já declara VDPPED,VDPCON, e o             #
#           SYSTEMKEY_VDP repete o mesmo registro (A1)              #
#-------------------------------------------------------------------#
DATABASE logix

GLOBALS
   DEFINE p_cod_empresa   LIKE empresa.cod_empresa,
          p_user          LIKE usuario.nom_usuario
END GLOBALS

DEFINE m_num_contrato     LIKE contrato_venda.num_contrato

#------------------#
 FUNCTION vdp9120()
#------------------#
   IF LOG_initApp("VDPPED,VDPCON") <> 0 THEN
      RETURN
   END IF

   CALL vdp9120_consulta()
END FUNCTION

#---------------------------#
 FUNCTION vdp9120_consulta()
#---------------------------#
   DEFINE l_val_total   DECIMAL(17,2)

   SELECT SUM(val_item)
     INTO l_val_total
     FROM contrato_venda_item
    WHERE cod_empresa  = p_cod_empresa
      AND num_contrato = m_num_contrato

   DISPLAY "Valor do contrato: ", l_val_total USING "###,###,##&.&&" AT 4,1
END FUNCTION
